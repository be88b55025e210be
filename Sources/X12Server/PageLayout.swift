/// The frame every page shares: head, inline style sheet, header bar.
///
/// Everything is inline (no CDN, no script), so the inspector works on a machine without network access.
enum PageLayout {
    /// A complete HTML document with `title` and `body`.
    static func document(title: String, body: HTML) -> String {
        var html = HTML()
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        html.text(title)
        html.raw(" · x12 inspector</title>\n<style>\n")
        html.raw(styleSheet)
        html.raw("</style>\n</head>\n<body>\n<header><a class=\"home\" href=\"/\">x12 inspector</a>")
        html.raw("<span class=\"tagline\">HIPAA 5010 EDI: loops, errors, payments, acknowledgments</span></header>\n<main>\n")
        html.append(body)
        html.raw("\n</main>\n</body>\n</html>\n")
        return html.output
    }

    static let styleSheet: StaticString = """
    :root { --ink: #1d2733; --muted: #5d6b7a; --line: #d8dee6; --bad: #b3261e; --bad-bg: #fdecea;
            --warn: #8a5a00; --warn-bg: #fff4dc; --good: #1e7a3c; --good-bg: #e6f4ea; --accent: #1f5fa8; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f5f7fa; }
    header { background: #17324d; color: #fff; padding: 10px 24px; display: flex; gap: 18px; align-items: baseline; }
    header .home { color: #fff; font-weight: 700; font-size: 18px; text-decoration: none; }
    header .tagline { color: #b9c9da; font-size: 13px; }
    main { padding: 18px 24px 48px; max-width: 1400px; }
    h1 { font-size: 22px; margin: 4px 0 12px; word-break: break-all; }
    h2 { font-size: 17px; margin: 26px 0 8px; }
    section.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; margin-bottom: 16px; }
    section.card h2 { margin-top: 0; }
    table { border-collapse: collapse; }
    table.grid { width: 100%; background: #fff; }
    table.grid th, table.grid td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
    table.grid th { background: #eef2f6; font-weight: 600; }
    table.grid td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .badge { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 700; font-size: 13px; }
    .badge.valid { background: var(--good-bg); color: var(--good); }
    .badge.invalid { background: var(--bad-bg); color: var(--bad); }
    .badge.warn { background: var(--warn-bg); color: var(--warn); }
    .muted { color: var(--muted); }
    code, .mono, table.tree { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
    table.tree { width: 100%; background: #fff; border: 1px solid var(--line); }
    table.tree td { padding: 1px 8px; vertical-align: top; white-space: pre-wrap; word-break: break-all; }
    table.tree td.n, table.tree td.p { color: var(--muted); text-align: right; width: 4.5em; user-select: none; border-right: 1px solid var(--line); }
    table.tree tr:hover td { background: #f0f5fb; }
    table.tree tr.bad td.s { background: var(--bad-bg); }
    table.tree tr.warn td.s { background: var(--warn-bg); }
    table.tree tr.loop td { color: var(--accent); font-weight: 600; padding-top: 6px; font-family: system-ui, sans-serif; font-size: 13px; }
    table.tree tr.finding td.s { font-family: system-ui, sans-serif; font-size: 13px; }
    .sid { font-weight: 700; color: #17324d; }
    .sep { color: #9aa7b5; }
    .el.bad { background: #f7c6c2; outline: 1px solid var(--bad); border-radius: 2px; }
    .el.warn { background: #ffe3a3; outline: 1px solid var(--warn); border-radius: 2px; }
    .finding-line { display: inline-block; border-left: 3px solid var(--bad); background: var(--bad-bg); color: var(--bad); padding: 1px 8px; margin: 1px 0 3px; }
    .finding-line.warning { border-color: var(--warn); background: var(--warn-bg); color: var(--warn); }
    .finding-line code { background: #fff; padding: 0 4px; border-radius: 3px; }
    ul.findings { margin: 6px 0; padding-left: 20px; }
    ul.findings li { margin: 2px 0; }
    .error-box { border-left: 4px solid var(--bad); background: var(--bad-bg); padding: 10px 14px; border-radius: 4px; }
    .error-box .error-line { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 14px; color: var(--bad); word-break: break-all; }
    form.inspect { display: flex; flex-direction: column; gap: 10px; }
    textarea { width: 100%; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
    button { align-self: flex-start; background: var(--accent); color: #fff; border: 0; border-radius: 5px; padding: 7px 16px; font-size: 14px; cursor: pointer; }
    button.secondary { background: none; color: var(--accent); border: 1px solid var(--accent); padding: 5px 12px; font-size: 13px; }
    a { color: var(--accent); }
    .two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
    @media (max-width: 900px) { .two { grid-template-columns: 1fr; } }
    pre.example { background: #f0f3f7; padding: 8px 12px; border-radius: 5px; overflow-x: auto; }

    """
}
