// Webpack configuration shared by every Node app: SWC (with decorator metadata, from .swcrc),
// `main.js` plus `migrate.js`, a generated package.json of the runtime dependencies for images.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { basename, join } = require('node:path');

module.exports = function nodeAppWebpackConfig(appDir) {
  const app = basename(appDir);
  return {
    output: { path: join(appDir, '../../dist/apps', app) },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'swc',
        main: join(appDir, 'src/main.ts'),
        additionalEntryPoints: [{ entryName: 'migrate', entryPath: join(appDir, 'src/migrate.ts') }],
        tsConfig: join(appDir, 'tsconfig.app.json'),
        outputHashing: 'none',
        optimization: false,
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
};
