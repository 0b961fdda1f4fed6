import DaybookContent
import DaybookSystem

/// The head of a paper page beyond its title: Open Graph type and JSON-LD.
extension SiteRenderer {
    func paperMeta(_ base: PageMeta, _ index: Int) -> PageMeta {
        var page = base
        page.type = "article"
        page.jsonLD = scholarlyArticle(views[index])
        return page
    }

    /// A schema.org `ScholarlyArticle` as JSON-LD, safe to embed in `<script>`.
    func scholarlyArticle(_ view: PaperView) -> String {
        let paper = view.paper
        var fields: [(String, String)] = [
            ("@context", Escaping.json("https://schema.org")),
            ("@type", Escaping.json("ScholarlyArticle")),
            ("@id", Escaping.json(view.absoluteURL)),
            ("url", Escaping.json(view.absoluteURL)),
            ("headline", Escaping.json(view.title)),
            ("name", Escaping.json(view.title)),
        ]
        if !paper.authors.isEmpty {
            let people = paper.authors.map { "{\"@type\":\"Person\",\"name\":\(Escaping.json($0))}" }
            fields.append(("author", "[" + people.joined(separator: ",") + "]"))
        }
        fields.append(("datePublished", Escaping.json((paper.published ?? paper.day).description)))
        if let summary = paper.summary { fields.append(("description", Escaping.json(summary))) }
        if !view.excerpt.isEmpty { fields.append(("abstract", Escaping.json(view.excerpt))) }
        if !paper.tags.isEmpty { fields.append(("keywords", Escaping.json(paper.tags))) }
        if paper.isArxivID { fields.append(("identifier", Escaping.json("arXiv:" + paper.id))) }
        let sameAs = [paper.arxivURL, paper.links.code, paper.links.project].compactMap { $0 }
        if !sameAs.isEmpty { fields.append(("sameAs", Escaping.json(sameAs))) }
        fields.append(("isPartOf", "{\"@type\":\"WebSite\",\"name\":\(Escaping.json(config.title)),\"url\":\(Escaping.json(routes.baseURL))}"))
        return "{" + fields.map { Escaping.json($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
