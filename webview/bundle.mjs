// esbuild options of the panel's browser bundle (dist/webview.js), shared by esbuild.mjs and the
// headless-Chromium test, which rebuilds it before loading the page.
export const webviewBuild = {
  bundle: true,
  sourcemap: true,
  entryPoints: ['webview/main.ts'],
  outfile: 'dist/webview.js',
  platform: 'browser',
  format: 'iife',
  target: 'chrome114',
  minify: true,
  logLevel: 'warning',
};
