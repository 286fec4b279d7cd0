import Escaping

/// What the preview adds to each page it serves, before `</body>`: the
/// diagnostics of the page over its content, when there are any; a notice,
/// while the page's chapter still runs, that its cells marked `stale` show
/// the output of an earlier run; the look of those cells; and a script that
/// listens to the preview's reload events.
///
/// The script reloads the page when an event names the page itself or one of
/// the site's assets (a page that did not change has nothing new to show), and
/// puts the window back where it was scrolled to. It subscribes with the
/// version it was served from (`since`), so that a change published between
/// the page's load and its subscription still reaches it, and with the
/// preview's session, so that a page left open while the preview restarted
/// reloads too.
enum PreviewPage {
    /// Where the reload events are served (Server-Sent Events).
    static let eventsPath = "_preview/events"

    static func served(_ html: [UInt8], problems: [String], notice: String? = nil, session: String, generation: Int) -> [UInt8] {
        let addition = Array((overlay(problems) + running(notice) + staleLook + script(session: session, generation: generation)).utf8)
        let end = Array("</body>".utf8)
        guard let position = lastRange(of: end, in: html) else { return html + addition }
        return Array(html[..<position]) + addition + Array(html[position...])
    }

    /// The diagnostics over the page, exactly as the terminal shows them.
    static func overlay(_ problems: [String]) -> String {
        guard !problems.isEmpty else { return "" }
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return """
        <div id="lecture-preview-problems" role="alert" aria-label="Problems">
        <style>
        #lecture-preview-problems { position: fixed; left: 1rem; right: 1rem; bottom: 1rem; z-index: 1000;
          max-height: 45vh; overflow: auto; padding: .75rem 1rem; border: 2px solid #b3261e; border-radius: 6px;
          background: #fff5f4; color: #3b0907; font: 14px/1.45 system-ui, sans-serif; box-shadow: 0 4px 18px rgba(0,0,0,.25); }
        #lecture-preview-problems pre { margin: .5rem 0 0; white-space: pre-wrap; font: 13px/1.4 ui-monospace, monospace; }
        #lecture-preview-problems button { float: right; font: inherit; cursor: pointer; }
        </style>
        <button type="button" onclick="this.parentElement.hidden = true">Hide</button>
        <strong>lecture preview: \(count)</strong> (cells that did not run now show their last good output)
        <pre>\(HTMLEscape.text(problems.joined(separator: "\n")))</pre>
        </div>

        """
    }

    /// The notice of a chapter that still runs, at the top of the window.
    static func running(_ notice: String?) -> String {
        guard let notice else { return "" }
        return """
        <div id="lecture-preview-running" role="status" aria-label="Running">
        <style>
        #lecture-preview-running { position: fixed; top: .5rem; right: .5rem; z-index: 1000; max-width: min(28rem, calc(100vw - 1rem));
          padding: .4rem .75rem; border: 1px solid #2f5597; border-radius: 6px; background: #eef3fb; color: #0c2146;
          font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 2px 10px rgba(0,0,0,.2); }
        </style>
        \(HTMLEscape.text(notice))
        </div>

        """
    }

    /// How a cell whose output is an earlier run's looks: framed by a dashed
    /// line and labelled, in the page's own colours.
    static let staleLook = """
        <style>
        .cell.stale > .output { outline: 2px dashed currentColor; outline-offset: -6px; }
        .cell.stale > .output::before { content: "output of the previous run"; display: block; font: italic 12px/1.4 system-ui, sans-serif; }
        </style>

        """

    static func script(session: String, generation: Int) -> String {
        """
        <script>
        (() => {
          const page = decodeURIComponent(location.pathname.slice(1)) || 'index.html';
          const key = 'lecture-preview-scroll:' + page;
          const saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            history.scrollRestoration = 'manual';
            const restore = () => window.scrollTo(0, Number(saved));
            restore();
            addEventListener('load', restore);
          }
          const events = new EventSource('/\(eventsPath)?session=\(session)&since=\(generation)');
          events.addEventListener('reload', event => {
            const change = JSON.parse(event.data);
            if (change.all || change.changed.includes(page) || change.changed.some(path => path.startsWith('assets/'))) {
              sessionStorage.setItem(key, String(window.scrollY));
              events.close();
              location.reload();
            }
          });
        })();
        </script>

        """
    }

    private static func lastRange(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var start = bytes.count - needle.count
        while start >= 0 {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return start }
            start -= 1
        }
        return nil
    }
}
