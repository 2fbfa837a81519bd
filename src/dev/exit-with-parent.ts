/**
 * Loaded (`--import`) into the Eleventy process that `npm start` runs. When the parent ends in a
 * way it cannot clean up after (SIGKILL, a crash in native code), its end of the IPC channel
 * closes: exit too, rather than leave a watcher running as an orphan.
 */
if (process.channel) {
  process.on("disconnect", () => process.exit(0));
  // The channel must not by itself keep this process alive once Eleventy is done.
  process.channel.unref();
}
