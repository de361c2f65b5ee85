import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A document read back with Foundation's XMLParser: the parse error, if any, and the text of every
/// element by name, so that tests see both well-formedness and what a feed reader would decode.
struct ParsedXML {
    let error: (any Error)?
    let texts: [String: [String]]

    init(_ xml: String) {
        let collector = TextCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        error = parser.parse() ? nil : parser.parserError ?? CocoaError(.coderReadCorrupt)
        texts = collector.texts
    }

    // XMLParser reports to an NSObject delegate; this one lives only for the duration of a parse.
    private final class TextCollector: NSObject, XMLParserDelegate {
        var texts: [String: [String]] = [:]
        private var current = ""

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String]
        ) {
            current = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            texts[elementName, default: []].append(current)
            current = ""
        }
    }
}
