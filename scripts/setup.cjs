'use strict';
/*
 * `npm run setup`: the first command on a fresh machine. It needs nothing but a Node with npm,
 * of any version pnpm runs on (18 or newer): pnpm comes from the packageManager field through npx,
 * and Node 24, which runs the services, is a pinned devDependency that every script finds first
 * on its PATH (node_modules/.bin/node). Plain CommonJS in the oldest syntax, so that an older
 * Node reads it far enough to say what to install.
 */
var childProcess = require('child_process');
var fs = require('fs');
var path = require('path');

var root = path.join(__dirname, '..');
var MIN_BOOTSTRAP_MAJOR = 18;

function fail(line) {
  console.error('ragfleet setup: ' + line);
  process.exit(1);
}

var major = Number(process.versions.node.split('.')[0]);
if (major < MIN_BOOTSTRAP_MAJOR) {
  fail(
    'Node ' +
      process.version +
      ' is too old even to install with; install Node ' +
      MIN_BOOTSTRAP_MAJOR +
      ' or newer (Node 24 LTS is best) and run npm run setup again',
  );
}

var manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
var pnpm = manifest.packageManager; // "pnpm@<version>"
var npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

// npm run hands its own settings to children as npm_config_*; pnpm would read some of them
// (a global prefix, npm's node-gyp) as its own. Keep only what says where the registry is.
var env = {};
Object.keys(process.env).forEach(function (name) {
  var npmSetting = /^npm_config_/i.test(name) || /^npm_(package|lifecycle|node|command)/i.test(name);
  var registrySetting =
    /^npm_config_(registry|cafile|ca|strict_ssl|proxy|https_proxy|noproxy|@.*:registry|\/\/.*)$/i.test(name);
  if (!npmSetting || registrySetting) env[name] = process.env[name];
});

console.log('ragfleet setup: installing with ' + pnpm + ' (Node 24 comes with the dependencies)…');
var install = childProcess.spawnSync(npx, ['--yes', pnpm, 'install', '--frozen-lockfile'], {
  cwd: root,
  env: env,
  stdio: 'inherit',
});
if (install.error) fail('could not run ' + npx + ': ' + install.error.message);
if (install.status !== 0) fail(pnpm + ' install failed (its output is above)');

var node = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
var version = childProcess.spawnSync(node, ['-v'], { encoding: 'utf8' });
if (version.status !== 0) fail('the pinned Node did not install: ' + node + ' does not run');
console.log('\nragfleet setup: done (services run on Node ' + version.stdout.trim() + '). Next: npm start');
