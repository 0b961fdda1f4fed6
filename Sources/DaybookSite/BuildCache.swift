import DaybookContent

/// The previous build's paper views, reused for papers that did not change: Markdown is the
/// costly step of making a view, and one edit changes one paper.
///
/// A view is reused when the paper with the same id is equal field by field (unchanged papers
/// share their storage with the previous build, so the comparison is cheap) and the routes that
/// shaped its URLs are the same.
struct BuildCache: Sendable {
    let baseURL: String
    let library: Library
    let views: [PaperView]

    /// Views for `library`'s papers, in its order, and how many had to be made anew.
    func views(for library: Library, routes: Routes) -> (views: [PaperView], made: Int) {
        guard routes.baseURL == baseURL else {
            return (PaperViewBuilder(routes: routes).build(library.papers), library.papers.count)
        }
        var out: [PaperView?] = []
        out.reserveCapacity(library.papers.count)
        var missing: [Int] = []
        for (index, paper) in library.papers.enumerated() {
            if let old = self.library.byID[paper.id], views[old].paper == paper {
                out.append(views[old])
            } else {
                out.append(nil)
                missing.append(index)
            }
        }
        if !missing.isEmpty {
            let made = PaperViewBuilder(routes: routes).build(missing.map { library.papers[$0] })
            for (index, view) in zip(missing, made) { out[index] = view }
        }
        return (out.map { $0! }, missing.count)
    }
}
