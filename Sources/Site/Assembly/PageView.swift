/// What a page template receives. Every string is HTML, ready to insert with
/// `{{{…}}}`. The names are the theme's vocabulary; `site/README.md` lists them.
struct PageView {
    struct Course {
        var title: String
        var description: String?
    }

    struct Heading {
        var id: String
        var html: String
        var level: Int
        var isSubsection: Bool
    }

    struct ChapterLink {
        var number: String?
        var title: String
        var href: String
        var summary: String
        var current: Bool
        /// The chapter's headings, on its own page only.
        var headings: [Heading]
        /// Stored, not computed: templates see stored properties only.
        var hasHeadings: Bool
    }

    struct Neighbour {
        var href: String
        var title: String
    }

    struct Chapter {
        var id: String
        var title: String
        var body: String
        /// Level 2 and 3 headings, for the list "On this page".
        var headings: [Heading]
        var hasHeadings: Bool
        /// The chapter's Markdown in the course's repository, when
        /// `course.json` names one.
        var sourceHref: String?
        /// The KaTeX fonts its formulas use, preloaded when a server sends the
        /// page (from file:// a preload is a blocked cross-origin request).
        var fontPreloads: [String]
        var hasFontPreloads: Bool
        var previous: Neighbour?
        var next: Neighbour?
    }

    var course: Course
    /// The text of the page's `<title>`.
    var pageTitle: String
    var chapters: [ChapterLink]
    var chapter: Chapter?
}
