/// The opioids of Wean's PK library.
public enum Opioid: String, Sendable, CaseIterable, Codable {
    case morphine, oxycodone, hydromorphone, hydrocodone, methadone, tramadol, tapentadol, buprenorphine, fentanyl, remifentanil
}
