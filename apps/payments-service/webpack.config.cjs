module.exports = require('../../tools/build/webpack.node-app.cjs')(__dirname);
