import Foundation

/// The script the server adds to every HTML page it sends, and only then: built files never hold it.
/// It reloads the page after a rebuild and shows a failed build's errors over the page.
enum LiveReloadScript {
    static let eventsPath = "/__briefing/events"

    /// Inserts the script before the last `</body>`, or at the end of a page without one, or whose last
    /// `</body>` is inside a comment, where the script would be part of the comment. `hasGoodVersion` is
    /// false for the stand-in page served while no build has succeeded.
    static func inject(into html: String, build: String, hasGoodVersion: Bool = true) -> String {
        let script = tag(build: build, hasGoodVersion: hasGoodVersion)
        guard let body = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else {
            return html + script
        }
        let before = html[..<body.lowerBound]
        if let opened = before.range(of: "<!--", options: .backwards), before.range(of: "-->", range: opened.upperBound..<before.endIndex) == nil {
            return html + script
        }
        return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: script)
    }

    /// `build` names the build the page comes from (letters, digits and dashes), so the server can
    /// tell a page that missed a reload; `page` says which page is open, so a build renders it first.
    static func tag(build: String, hasGoodVersion: Bool = true) -> String {
        let heading = hasGoodVersion
            ? "Build failed: this is the last good version of the page" : "Build failed: the site has not built yet; fix the errors below"
        return """
        <script data-briefing-live-reload>
        (() => {
          const events = new EventSource("\(eventsPath)?since=\(build)&page=" + encodeURIComponent(location.pathname));
          events.addEventListener("reload", () => location.reload());
          // The server's "error" event carries the diagnostics; the connection's own error events
          // carry no data, and EventSource reconnects by itself after them.
          events.addEventListener("error", (event) => {
            if (typeof event.data === "string") show(event.data);
          });
          function show(text) {
            let box = document.getElementById("briefing-build-error");
            if (!box) {
              box = document.createElement("section");
              box.id = "briefing-build-error";
              box.setAttribute("role", "alertdialog");
              box.setAttribute("aria-labelledby", "briefing-build-error-title");
              box.tabIndex = -1;
              box.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;max-height:70vh;overflow:auto;z-index:2147483647;box-sizing:border-box;margin:0;padding:1rem 1.25rem;background:#fff;color:#1a1a1a;border:3px solid #b3261e;border-radius:6px;box-shadow:0 6px 24px rgba(0,0,0,.35);font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;text-align:left";
              const title = document.createElement("h2");
              title.id = "briefing-build-error-title";
              title.textContent = "\(heading)";
              title.style.cssText = "margin:0 0 .5rem;font:bold 16px/1.3 system-ui,sans-serif;color:#b3261e";
              const details = document.createElement("pre");
              details.style.cssText = "margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;color:inherit;background:none";
              const close = document.createElement("button");
              close.type = "button";
              close.textContent = "Dismiss";
              close.style.cssText = "margin-top:.75rem;font:14px system-ui,sans-serif";
              close.addEventListener("click", () => box.remove());
              box.addEventListener("keydown", (event) => { if (event.key === "Escape") box.remove(); });
              box.append(title, details, close);
              document.body.append(box);
            }
            // textContent, never innerHTML: the diagnostics quote the author's text.
            box.querySelector("pre").textContent = text;
            box.focus();
          }
        })();
        </script>

        """
    }
}
