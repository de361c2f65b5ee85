import BriefingKit
import BriefingSupport
import FlyingFox
import Foundation

/// Answers GET and HEAD from the site in memory: files with their media type, folders by their
/// index.html, the site's 404 page for anything else, and the live-reload script in every HTML page.
/// A page the latest version has not rendered yet is rendered now: no request sees an older version's
/// page unless nothing it is made from changed. A page whose template fails withdraws its version, as a
/// build with that error would never have published it: the request gets the last complete version's.
struct SiteRequestHandler: HTTPHandler {
    let live: LiveReload

    func handleRequest(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return text(.methodNotAllowed, "Only GET and HEAD are served here.", headers: [HTTPHeader("Allow"): "GET, HEAD"], for: request)
        }
        // A complete version renders nothing on request, so the second answer cannot fail for this
        // reason; only a newer version, arrived meanwhile and failing too, asks for a third.
        for _ in 0..<3 {
            let (basePath, build, site) = await live.served
            do throws(BuildFailure) {
                return try answer(request, basePath: basePath, build: build, site: site)
            } catch {
                if let site { await live.withdraw(site, because: error) }
            }
        }
        return text(.internalServerError, "This page could not be rendered: the site changed while it was asked for; reload.", for: request)
    }

    private func answer(_ request: HTTPRequest, basePath: String, build: String, site: PreviewVersion?) throws(BuildFailure) -> HTTPResponse {
        let target = request.target
        let paths = SitePath(basePath: basePath, contains: { site?.contains($0) ?? false })
        switch paths.resolve(target.path(), query: target.query()) {
        case .file(let path):
            if let response = try page(path, of: site, status: .ok, build: build, for: request) { return response }
            return try notFound(paths.notFoundPage(for: target.path()), of: site, build: build, for: request)
        case .redirect(let location):
            return text(.movedPermanently, "", headers: [.location: location], for: request)
        case .forbidden:
            return text(.forbidden, "Forbidden: the path leads out of the site.", for: request)
        case .notFound:
            return try notFound(paths.notFoundPage(for: target.path()), of: site, build: build, for: request)
        }
    }

    /// The site's own 404 page (`notFoundPage`); before a first good build there is none, and a stand-in
    /// page still carries the script, so the browser shows the build's errors.
    private func notFound(
        _ notFoundPage: String, of site: PreviewVersion?, build: String, for request: HTTPRequest
    ) throws(BuildFailure) -> HTTPResponse {
        if let response = try page(notFoundPage, of: site, status: .notFound, build: build, for: request) {
            return response
        }
        let html = "<!doctype html><html lang=\"en\"><title>Not found</title><body><h1>Not found</h1><p>The site has no page here.</p></body></html>"
        return respond(.notFound, type: ContentType.html, body: Data(LiveReloadScript.inject(into: html, build: build, hasGoodVersion: site != nil).utf8), for: request)
    }

    /// A file as it is, or an HTML page with the script; nil when the site has no such file. Throws the
    /// errors of a page whose template fails.
    private func page(
        _ path: String, of site: PreviewVersion?, status: HTTPStatusCode, build: String, for request: HTTPRequest
    ) throws(BuildFailure) -> HTTPResponse? {
        guard let site, let made = site.contents(at: path) else { return nil }
        let bytes = try made.get()
        let fileExtension = path.split(separator: "/").last?.split(separator: ".").last.map(String.init) ?? ""
        let type = ContentType.of(fileExtension: fileExtension)
        guard type == ContentType.html else {
            return respond(status, type: type, body: Data(bytes), for: request)
        }
        // A page that is not UTF-8 is sent untouched rather than damaged.
        let body = String(validating: bytes, as: UTF8.self).map { Data(LiveReloadScript.inject(into: $0, build: build).utf8) } ?? Data(bytes)
        return respond(status, type: type, body: body, for: request)
    }

    private func text(_ status: HTTPStatusCode, _ text: String, headers extra: [HTTPHeader: String] = [:], for request: HTTPRequest) -> HTTPResponse {
        var response = respond(status, type: "text/plain; charset=utf-8", body: Data(text.utf8), for: request)
        for (header, value) in extra { response.headers[header] = value }
        return response
    }

    /// HEAD gets the headers of GET and no body.
    private func respond(_ status: HTTPStatusCode, type: String, body: Data, for request: HTTPRequest) -> HTTPResponse {
        request.method == .HEAD
            ? HTTPResponse(statusCode: status, headers: headers(type: type, length: body.count), body: Data())
            : HTTPResponse(statusCode: status, headers: headers(type: type), body: body)
    }

    private func headers(type: String, length: Int? = nil) -> HTTPHeaders {
        var headers: HTTPHeaders = [
            .contentType: type,
            // Every request after a rebuild must see the new files, the CSS included.
            .cacheControl: "no-store",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        if let length { headers[.contentLength] = String(length) }
        return headers
    }
}
