import BriefingTestSupport
import Foundation

/// The English and Korean site the multilingual tests build (`MultilingualSiteTests`, `TranslationTests`),
/// and the layouts that show what a page of several languages has.
extension MultilingualSiteTests {
    static let site = """
    -- Content/site.yaml --
    title: Alliance Briefing
    baseURL: https://example.org/
    language: en
    languages:
      en:
        name: English
      ko:
        name: 한국어
        title: 한미동맹 브리핑
      ar:
        name: العربية
        direction: rtl
    -- Content/_index.md --
    ---
    title: Home
    ---
    Welcome.
    -- Content/_index.ko.md --
    ---
    title: 홈
    ---
    환영합니다.
    -- Content/deterrence/tripwire.md --
    ---
    title: Tripwire
    date: 2026-04-08
    updated: 2026-05-02
    tags: [deterrence]
    ---
    Troops on the line. See [the force](force.md).
    -- Content/deterrence/_index.ko.md --
    ---
    title: 억제
    ---
    -- Content/deterrence/tripwire.ko.md --
    ---
    title: 인계철선
    date: 2026-04-08
    updated: 2026-05-02
    tags: [deterrence]
    slug: inggye
    ---
    전선의 병력. [병력](force.md)을 보십시오.
    -- Content/deterrence/force.md --
    ---
    title: The force
    date: 2026-03-01
    ---
    28,500 troops.
    -- Content/deterrence/force.ko.md --
    ---
    title: 병력
    date: 2026-03-01
    ---
    2만 8,500명.
    -- Content/news/only-english.md --
    ---
    title: Only in English
    date: 2026-02-01
    ---
    Text.
    -- Templates/i18n/en.yaml --
    tagsTitle: Tags
    pageNotFound: Page not found
    authorSeparator: ", "
    authorLastSeparator: " and "
    readingTime:
      one: "{count} min read"
      other: "{count} min read"
    tagCount:
      one: "{count} briefing"
      other: "{count} briefings"
    calloutNote: Note
    calloutTip: Tip
    calloutImportant: Important
    calloutWarning: Warning
    calloutCaution: Caution
    faqHeading: Frequently asked questions
    tableSource:
      one: "Source: {sources}"
      other: "Sources: {sources}"
    tableSourceSeparator: "; "
    citationLabel: "Source {number}"
    tableCaptionMarker: "Table:"
    tableSourceMarker: "Source:"
    figuresColumnFigure: Figure
    figuresColumnValue: Value
    figuresColumnSource: Source
    figuresColumnSourceURL: Source URL
    figuresColumnAsOf: As of
    tableLabel: Table {number}
    figureLabel: Figure {number}
    codeLabel: Code
    codeLanguageLabel: "Code: {language}"
    published: "Published {date}"
    notes: Notes
    noteLabel: "Note {number}"
    backToText: "Back to the text, note {label}"
    -- Templates/i18n/ko.yaml --
    tagsTitle: 태그
    pageNotFound: 페이지를 찾을 수 없습니다
    authorSeparator: "·"
    authorLastSeparator: "·"
    dateFormat: "{year}년 {month}월 {day}일"
    readingTime:
      other: "{count}분 분량"
    tagCount:
      other: "브리핑 {count}건"
    calloutNote: 참고
    calloutTip: 팁
    calloutImportant: 중요
    calloutWarning: 경고
    calloutCaution: 주의
    faqHeading: 자주 묻는 질문
    tableSource:
      other: "출처: {sources}"
    tableSourceSeparator: "; "
    citationLabel: "출처 {number}"
    tableCaptionMarker: "표:"
    tableSourceMarker: "출처:"
    figuresColumnFigure: 항목
    figuresColumnValue: 수치
    figuresColumnSource: 출처
    figuresColumnSourceURL: 출처 URL
    figuresColumnAsOf: 기준일
    tableLabel: 표 {number}
    figureLabel: 그림 {number}
    codeLabel: 코드
    codeLanguageLabel: "코드: {language}"
    published: "입력 {date}"
    notes: 주
    noteLabel: "각주 {number}"
    backToText: "본문으로 돌아가기(각주 {label})"
    -- Templates/i18n/ar.yaml --
    dateFormat: "{day}/{month}/{year}"
    tagsTitle: الوسوم
    pageNotFound: الصفحة غير موجودة
    authorSeparator: "، "
    authorLastSeparator: " و"
    readingTime:
      one: "{count} دقيقة"
      other: "{count} دقائق"
    tagCount:
      other: "{count}"
    calloutNote: ملاحظة
    calloutTip: نصيحة
    calloutImportant: مهم
    calloutWarning: تحذير
    calloutCaution: تنبيه
    faqHeading: أسئلة شائعة
    tableSource:
      other: "المصدر: {sources}"
    tableSourceSeparator: "؛ "
    citationLabel: "المصدر {number}"
    tableCaptionMarker: "جدول:"
    tableSourceMarker: "المصدر:"
    figuresColumnFigure: البند
    figuresColumnValue: القيمة
    figuresColumnSource: المصدر
    figuresColumnSourceURL: رابط المصدر
    figuresColumnAsOf: بتاريخ
    tableLabel: جدول {number}
    figureLabel: شكل {number}
    codeLabel: شيفرة
    codeLanguageLabel: "شيفرة: {language}"
    published: "نُشر {date}"
    notes: ملاحظات
    noteLabel: "ملاحظة {number}"
    backToText: "العودة إلى النص {label}"
    """

    /// The fixture's layouts, with what a multilingual page shows: lang and dir, alternates, the
    /// switcher, the translations, a word with a placeholder.
    static let templates = (SiteFixture.templates + """

    -- Templates/layouts/tag.html --
    {{<base}}{{$main}}<h1>{{page.title}}</h1>{{#pages}}<a href="{{url}}">{{title}}</a>{{/pages}}{{/main}}{{/base}}
    -- Templates/layouts/tags.html --
    {{<base}}{{$main}}<h1>{{page.title}}</h1>{{#page.tags}}<a href="{{url}}">{{name}}</a> {{countText}}{{/page.tags}}{{/main}}{{/base}}
    """)
        .replacingOccurrences(
            of: #"<html lang="{{site.language}}">"#,
            with: #"<html lang="{{page.lang}}"{{#page.dir}} dir="{{page.dir}}"{{/page.dir}}>{{#page.alternates}}<link rel="alternate" hreflang="{{hreflang}}" href="{{url}}">{{/page.alternates}}<nav>{{#page.languageLinks}}<a href="{{url}}"{{#isCurrent}} aria-current="true"{{/isCurrent}}{{^hasVersion}} class="home"{{/hasVersion}}>{{name}}</a>{{/page.languageLinks}}</nav>"#
        )
        .replacingOccurrences(
            of: #"{{#page.date}}<time datetime="{{iso}}">{{display}}</time>{{/page.date}}"#,
            with: #"{{#page.date}}<p>{{#t.published}}{{text}}{{#isDate}}<time datetime="{{iso}}">{{display}}</time>{{/isDate}}{{/t.published}}</p>{{/page.date}}<p>{{page.readingTimeText}}</p>"#
        )
}
