import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG document with Foundation's `XMLParser` and keeps every element with its
/// attributes and direct text, so that tests can check well-formedness and contents.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// The `class` attributes of the enclosing elements and this one, outermost first.
        var classPath: [String]
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    /// The parsed document, or `nil` when it is not well-formed XML.
    static func parse(_ svg: String) -> SVGInspector? {
        let parser = XMLParser(data: Data(svg.utf8))
        let inspector = SVGInspector()
        parser.delegate = inspector
        return parser.parse() ? inspector : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let outer = open.last.map { elements[$0].classPath } ?? []
        let classPath = outer + (attributeDict["class"].map { [$0] } ?? [])
        elements.append(Element(name: elementName, attributes: attributeDict, text: "", classPath: classPath))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        open.removeLast()
    }

    /// Elements named `name` (any when `nil`) inside or carrying the class `className`.
    func elements(named name: String? = nil, inClass className: String? = nil) -> [Element] {
        elements.filter { element in
            (name == nil || element.name == name) && (className == nil || element.classPath.contains(className!))
        }
    }

    /// The text of every `<text>` element.
    var texts: [String] { elements(named: "text").map(\.text) }
}
