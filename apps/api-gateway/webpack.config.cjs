const { composePlugins, withNx } = require('@nx/webpack');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api-gateway') },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'swc',
      main: join(__dirname, 'src/main.ts'),
      additionalEntryPoints: [{ entryName: 'migrate', entryPath: join(__dirname, 'src/migrate.ts') }],
      tsConfig: join(__dirname, 'tsconfig.app.json'),
      outputHashing: 'none',
      optimization: false,
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
