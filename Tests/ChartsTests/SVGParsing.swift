import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The SVG parsed as XML, or the parser's error.
func parseSVG(_ svg: String) throws -> XMLDocument {
    try XMLDocument(xmlString: svg, options: [])
}

extension XMLElement {
    /// The value of the attribute `name`. (`attribute(forName:)` finds no
    /// attribute of an element in a default namespace on Linux.)
    func value(of name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}
