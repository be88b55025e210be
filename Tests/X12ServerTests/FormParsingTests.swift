import XCTest
@testable import X12Server
import X12TestSupport

final class FormParsingTests: XCTestCase {
    func testBoundaryFromContentType() {
        XCTAssertEqual(MultipartFormData.boundary(contentType: "multipart/form-data; boundary=----WebKitFormBoundaryA1b2"), "----WebKitFormBoundaryA1b2")
        XCTAssertEqual(MultipartFormData.boundary(contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"quoted b\""), "quoted b")
        XCTAssertNil(MultipartFormData.boundary(contentType: "multipart/form-data"))
        XCTAssertNil(MultipartFormData.boundary(contentType: "text/plain; boundary=x"))
    }

    func testPartsKeepBytesAndFileNames() throws {
        let body = Array("--XB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".x12\"\r\nContent-Type: text/plain\r\n\r\nISA*00\r\n~\r\n--XB\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\r\n--XB--\r\n".utf8)
        let parts = try MultipartFormData.parts(of: body, boundary: "XB")
        XCTAssertEqual(parts, [
            FormPart(name: "file", fileName: "a \"b\".x12", contentType: "text/plain", body: Array("ISA*00\r\n~".utf8)),
            FormPart(name: "text", fileName: nil, contentType: nil, body: []),
        ])
    }

    func testCutShortUploadIsAFormError() {
        let body = Array("--XB\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nISA*00*".utf8)
        XCTAssertThrowsError(try MultipartFormData.parts(of: body, boundary: "XB")) { error in
            XCTAssertEqual(error as? FormError, FormError(message: "the upload ends inside a form field (closing boundary missing)"))
        }
        XCTAssertThrowsError(try MultipartFormData.parts(of: Array("hello".utf8), boundary: "XB")) { error in
            XCTAssertEqual(error as? FormError, FormError(message: "the upload is not multipart form data with the boundary its Content-Type declares"))
        }
    }

    func testQuotedFileNamesKeepEqualsAndSemicolons() throws {
        // MultipartKit's own parameter helper would split this name at '=' and ';'.
        let body = Array("--XB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a=b; c.x12\"\r\n\r\nISA\r\n--XB--".utf8)
        XCTAssertEqual(try MultipartFormData.parts(of: body, boundary: "XB"),
                       [FormPart(name: "file", fileName: "a=b; c.x12", contentType: nil, body: Array("ISA".utf8))])
    }

    func testMalformedPartsAreFormErrors() {
        let headerWithoutColon = Array("--XB\r\nContent-Disposition form-data\r\n\r\nISA\r\n--XB--\r\n".utf8)
        XCTAssertThrowsError(try MultipartFormData.parts(of: headerWithoutColon, boundary: "XB")) { error in
            XCTAssertEqual(error as? FormError, FormError(message: "a form field in the upload has a malformed header block"))
        }
        let noName = Array("--XB\r\nContent-Disposition: form-data\r\n\r\nISA\r\n--XB--\r\n".utf8)
        XCTAssertThrowsError(try MultipartFormData.parts(of: noName, boundary: "XB")) { error in
            XCTAssertEqual(error as? FormError,
                           FormError(message: "a form field in the upload has no name (Content-Disposition without name=)"))
        }
        // Cut right after a boundary: the parser has closed the part but no closing boundary came.
        let cutAtBoundary = Array("--XB\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nISA\r\n--XB".utf8)
        XCTAssertThrowsError(try MultipartFormData.parts(of: cutAtBoundary, boundary: "XB")) { error in
            XCTAssertEqual(error as? FormError, FormError(message: "the upload ends inside a form field (closing boundary missing)"))
        }
    }

    func testURLEncodedFieldsDecodePlusAndPercent() {
        let fields = URLEncodedFormFields.fields(of: Array("a=1&text=ISA%2A00+%E2%82%AC%zz&empty".utf8))
        XCTAssertEqual(fields.map(\.name), ["a", "text", "empty"])
        XCTAssertEqual(String(decoding: fields[1].value, as: UTF8.self), "ISA*00 €%zz")
        XCTAssertEqual(fields[2].value, [])
    }

    func testUploadPicksFileBeforeText() throws {
        let body = Array("--B\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\npasted\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.835\"\r\n\r\nfile bytes\r\n--B--\r\n".utf8)
        let upload = try Upload.from(contentType: "multipart/form-data; boundary=B", body: body)
        XCTAssertEqual(upload.fileName, "f.835")
        XCTAssertEqual(upload.bytes, Array("file bytes".utf8))
        let raw = try Upload.from(contentType: nil, body: Array("ISA".utf8))
        XCTAssertEqual(raw.fileName, "request body")
    }

    func testHTMLEscapesEveryMarkupCharacter() {
        XCTAssertEqual(HTML.escape("<a href='x'>\"&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;")
        XCTAssertEqual(HTML.escape("NM1*85*2*PLAIN"), "NM1*85*2*PLAIN")
        var html = HTML()
        html.element("td", class: "id", text: "<b>")
        XCTAssertEqual(html.output, "<td class=\"id\">&lt;b&gt;</td>")
    }

    func testByteCountText() {
        XCTAssertEqual(ByteCount.text(52_428_800), "50 MB")
        XCTAssertEqual(ByteCount.text(1536), "1.5 KB")
        XCTAssertEqual(ByteCount.text(12), "12 bytes")
        XCTAssertEqual(ByteCount.text(1), "1 byte")
    }
}

final class InspectionTests: XCTestCase {
    func testLargeFilesKeepOnlyTheFirstRowsAndRowsWithFindings() throws {
        let fixture = try FixtureFiles.bytes("serve/invalid-837p.x12")
        let inspection = Inspection(fileName: "f", bytes: fixture, rowLimit: 5)
        XCTAssertEqual(inspection.segmentCount, 27)
        // Segments 1-5 and segment 25 (the SE with the count error).
        XCTAssertEqual(inspection.rows.map(\.index), [1, 2, 3, 4, 5, 25])
        // Only the first 5 segments of the set are kept for naming loops.
        XCTAssertEqual(inspection.leadingSets.map { $0.segments.map(\.id) }, [["ST", "BHT", "NM1"]])
        XCTAssertEqual(inspection.row(at: 25)?.segment.id, "SE")
        XCTAssertNil(inspection.row(at: 6))
        let tree = SegmentTreeView.render(inspection).output
        XCTAssertTrue(tree.contains("<tr class=\"gap\"><td class=\"n\">…</td><td class=\"p\"></td><td class=\"s muted\">19 segments without findings not shown</td></tr>"))
        XCTAssertTrue(tree.contains("<td class=\"s muted\">2 segments without findings not shown</td></tr>\n</table>"))
    }

    func testGivenFindingsReplaceTheEnvelopeReadingsAndKeepTheirRows() throws {
        let fixture = try FixtureFiles.bytes("serve/invalid-837p.x12")
        let given = Finding(segmentIndex: 12, elementPosition: 2, message: "checked elsewhere", code: "X", severity: .warning)
        let inspection = Inspection(fileName: "f", bytes: fixture, rowLimit: 5, findings: [given])
        XCTAssertEqual(inspection.rows.map(\.index), [1, 2, 3, 4, 5, 12])
        XCTAssertEqual(inspection.findings, [12: [given]])
        XCTAssertEqual(inspection.errorCount, 0)
        XCTAssertEqual(inspection.warningCount, 1)
    }

    func testTreeDepthFollowsEnvelopeAndHierarchy() throws {
        let inspection = Inspection(fileName: "f", bytes: try FixtureFiles.bytes("serve/valid-837p.x12"))
        // ISA GS ST BHT NM1 PER NM1 HL(20) NM1 N3 N4 REF HL(22, child of 1) SBR ... SE GE IEA
        XCTAssertEqual(inspection.rows.map(\.depth),
                       [0, 1, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 2, 1, 0])
        XCTAssertEqual(inspection.rows.map(\.transactionPosition), [nil, nil] + (1...23).map { $0 } + [nil, nil])
    }
}
