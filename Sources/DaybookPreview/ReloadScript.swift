
/// The markup the preview injects before `</body>` (`BuildOptions.bodyEnd`); never in `build`.
/// It listens to `LiveReload`'s events: reloads on `reload` (or on reconnecting to a restarted or
/// rebuilt server), shows a build error over the page, and removes it on the next good build.
public enum ReloadScript {
    public static let markup = """
    <script>/* daybook serve: live reload */
    (function () {
      var seen = null, box = null;
      function show(text) {
        if (!box) {
          box = document.createElement("div");
          box.id = "daybook-error";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;" +
            "background:rgba(24,4,4,.94);color:#fff;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap";
          document.body.appendChild(box);
        }
        box.textContent = "daybook: the build failed; the last good site is still served.\\n\\n" + text;
      }
      function hide() { if (box) { box.remove(); box = null; } }
      function connect() {
        var events = new EventSource("\(LiveReload.eventsPath)");
        events.addEventListener("hello", function (e) {
          if (seen !== null && seen !== e.data) { location.reload(); }
          seen = e.data;
        });
        events.addEventListener("reload", function () { location.reload(); });
        events.addEventListener("build-error", function (e) { show(e.data); });
        events.addEventListener("build-ok", hide);
        events.onerror = function () {
          if (events.readyState === EventSource.CLOSED) { setTimeout(connect, 1000); }
        };
      }
      connect();
    })();
    </script>
    """
}
