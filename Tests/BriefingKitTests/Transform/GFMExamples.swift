/// The examples of GitHub Flavored Markdown's own tests for each construct Briefing reads (inputs only:
/// the expected output comes from running Debian's `cmark-gfm`), taken from github/cmark-gfm at
/// 85d895289c5ab67f988ca659493a64abb5fec7b4: test/spec.txt (the GFM spec, CC BY-SA 4.0) for
/// the `table` and `strikethrough` examples, test/extensions.txt and test/regression.txt (BSD-2-Clause).
enum GFMExamples {
    static let tables: [String] = [
        "| foo | bar |\n| --- | --- |\n| baz | bim |\n",
        "| abc | defghi |\n:-: | -----------:\nbar | baz\n",
        "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n",
        "| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n",
        "| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n",
        "| abc | def |\n| --- |\n| bar |\n",
        "| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n",
        "| abc | def |\n| --- | --- |\n",
        "| abc | def |\n| --- | --- |\n| ghi | jkl |\n| mno | pqr |\n",
        "Hello!\n\n| _abc_ | セン |\n| ----- | ---- |\n| 1. Block elements inside cells don't work. | |\n| But _**inline elements do**_. | x |\n\nHi!\n",
        "| Not enough table | to be considered table |\n\n| Not enough table | to be considered table |\n| Not enough table | to be considered table |\n\n| Just enough table | to be considered table |\n| ----------------- | ---------------------- |\n\n| ---- | --- |\n\n|x|\n|-|\n\n| xyz |\n| --- |\n",
        "abc | def\n--- | ---\nxyz | ghi\n",
        "Hello!\n\n| _abc_ | セン |\n| ----- | ---- |\n| this row has a space at the end | | \n| But _**inline elements do**_. | x |\n\nHi!\n",
        "aaa | bbb | ccc | ddd | eee\n:-- | --- | :-: | --- | --:\nfff | ggg | hhh | iii | jjj\n",
        "A footnote in a paragraph[^1]\n\n| Column1   | Column2 |\n| --------- | ------- |\n| foot [^1] | note    |\n\n[^1]: a footnote\n",
        "|\n-|\n",
    ]

    static let footnotes: [String] = [
        "This is some text![^1]. Other text.[^footnote].\n\nHere's a thing[^other-note].\n\nAnd another thing[^codeblock-note].\n\nThis doesn't have a referent[^nope].\n\n\n[^other-note]:       no code block here (spaces are stripped away)\n\n[^codeblock-note]:\n        this is now a code block (8 spaces indentation)\n\n[^1]: Some *bolded* footnote definition.\n\nHi!\n\n[^footnote]:\n    > Blockquotes can be in a footnote.\n\n        as well as code blocks\n\n    or, naturally, simple paragraphs.\n\n[^unused]: This is unused.\n",
        "A footnote in a paragraph[^1]\n\n| Column1   | Column2 |\n| --------- | ------- |\n| foot [^1] | note    |\n\n[^1]: a footnote\n",
        // Definitions inside a quote and a list item, which GitHub reads as notes too.
        "Cite.[^inside] and x[^li]\n\n> [^inside]: Definition inside a quote.\n\n- [^li]: in list\n",
        "A[^q]\n\n> Quote text\n> [^q]: def\n> more\n",
        "A[^q] and [^r]\n\n> [^q]: def\n>     continued para\n\n1. item\n2. [^r]: in an ordered item\n",
    ]

    static let strikethrough: [String] = [
        "~~Hi~~ Hello, world!\n",
        "This ~~has a\n\nnew paragraph~~.\n",
        "A proper ~strikethrough~.\n",
        "These are ~not strikethroughs.\n\nNo, they are not~\n\nThis ~is ~ legit~ isn't ~ legit.\n\nThis is not ~~~~~one~~~~~ huge strikethrough.\n\n~one~ ~~two~~ ~~~three~~~\n\nNo ~mismatch~~\n",
    ]

}
