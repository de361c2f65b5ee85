import Testing
@testable import BriefingKit

/// GitHub's task lists: `- [ ]` and `- [x]` showed as typed, brackets and all.
@Suite struct TaskListsTests {
    private let open = ##"<span class="task-mark"><span class="task-word">To do:</span></span>"##
    private let done = ##"<span class="task-mark task-done"><span class="task-word">Done:</span></span>"##

    @Test func aTaskListShowsItsBoxesAndTheWordsAScreenReaderSays() {
        let result = TransformHarness.run("- [x] Check the figures\n- [ ] Ask *USFK*\n- [X]\tCall\n- plain item\n", [TaskLists()])
        #expect(result.html == "<ul>\n<li>\(done)Check the figures</li>\n<li>\(open)Ask <em>USFK</em></li>\n<li>\(done)Call</li>\n<li>plain item</li>\n</ul>\n")
        #expect(result.messageLines.isEmpty)
    }

    /// Only at the start of an item's first paragraph, with a space after it, as on GitHub.
    @Test func bracketsElsewhereStayText() {
        for markdown in ["[ ] not in a list\n", "- [ ]\n", "- [x]\n  next line\n", "- [y] other letter\n", "- text [x] inside\n", "- para\n\n  [ ] second\n", "- > [x] quoted\n"] {
            #expect(!TransformHarness.run(markdown, [TaskLists()]).html.contains("task-mark"), "\(markdown)")
        }
    }

    /// Messages about the item's words point where they are in the line, after the marker.
    @Test func messagesAboutTheItemsWordsPointAtThem() {
        let result = TransformHarness.run("- [ ] TK: ask USFK\n", [TaskLists(), PlaceholderCheck()])
        #expect(result.messageLines.first?.hasPrefix("Content/alliance/page.md:1:7:") == true)
    }

    @Test func itemsAreTasksAsCmarkGFMReadsThem() throws {
        guard let oracle = GFMConformanceTests.oracle else {
            print("gfm task lists: skipped: cmark-gfm is not installed (apt-get install cmark-gfm; .ci/run installs it)")
            return
        }
        // Not in a quote: Debian's cmark-gfm (0.29.0.gfm.6) leaves `> - [ ] a` as text, where GitHub shows the box.
        let markers = ["- ", "1. ", "* ", "-  ", "   - ", "2) "]
        let boxes = ["[ ]", "[x]", "[X]", "[\t]", "[]", "[ x]", "[y]", "[  ]", "\\[x]"]
        let after = [" ", "\t", "  ", "", " \n  "]
        let texts = ["text", "*em* done", "[link](https://a.org)", "", "\n  more", "\n\n  para", "`code`", "[x] twice"]
        var documents: [String] = []
        for marker in markers {
            for box in boxes {
                for space in after {
                    // Left out where cmark-gfm's reading is its own: `- [ ] [x]` is ticked by the second box, and
                    // the lines after `- [ ] ` alone on its line may leave the list (`1. [ ] ` then `  more`)
                    // or join it without their paragraph break.
                    for text in texts where !text.hasPrefix("[x]") {
                        let alone = !space.isEmpty && (space + text).drop { $0 == " " || $0 == "\t" }.hasPrefix("\n")
                        guard !alone else { continue }
                        documents.append(marker + box + space + text + "\n")
                    }
                }
            }
        }
        let expected = try GFMConformanceTests.runOracle(oracle, on: documents, extensions: ["tasklist"])
        var failed = 0
        for (document, gfm) in zip(documents, expected) {
            let ours = TransformHarness.run(document, [TaskLists()]).html
                .replacing(done, with: #"<input type="checkbox" checked="" disabled="" /> "#)
                .replacing(open, with: #"<input type="checkbox" disabled="" /> "#)
            guard ours != gfm else { continue }
            failed += 1
            if failed <= 20 { Issue.record("task lists differ from cmark-gfm's:\n\(document)--- cmark-gfm:\n\(gfm)--- Briefing:\n\(ours)") }
        }
        print("gfm task lists: \(documents.count - failed) passed, \(failed) failed")
        #expect(failed == 0)
    }
}
