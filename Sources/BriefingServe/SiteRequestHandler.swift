import FlyingFox
import Foundation

/// Answers GET and HEAD from the built site: files with their media type, folders by their
/// index.html, the site's 404 page for anything else, and the live-reload script in every HTML page.
struct SiteRequestHandler: HTTPHandler {
    /// The built site; absent until a first build succeeds.
    let site: URL
    let live: LiveReload

    func handleRequest(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return text(.methodNotAllowed, "Only GET and HEAD are served here.", headers: [HTTPHeader("Allow"): "GET, HEAD"], for: request)
        }
        let (basePath, build) = await live.served
        let target = request.target
        switch SitePath(root: site, basePath: basePath).resolve(target.path(), query: target.query()) {
        case .file(let file):
            return page(file, status: .ok, build: build, for: request) ?? notFound(build: build, for: request)
        case .redirect(let location):
            return text(.movedPermanently, "", headers: [.location: location], for: request)
        case .forbidden:
            return text(.forbidden, "Forbidden: the path leads out of the site.", for: request)
        case .notFound:
            return notFound(build: build, for: request)
        }
    }

    /// The site's own 404.html; before a first good build there is none, and a stand-in page still
    /// carries the script, so the browser shows the build's errors.
    private func notFound(build: String, for request: HTTPRequest) -> HTTPResponse {
        if case .file(let file) = SitePath(root: site, basePath: "/").resolve("/404.html"),
           let response = page(file, status: .notFound, build: build, for: request) {
            return response
        }
        let html = "<!doctype html><html lang=\"en\"><title>Not found</title><body><h1>Not found</h1><p>The site has no page here.</p></body></html>"
        return respond(.notFound, type: ContentType.html, body: Data(LiveReloadScript.inject(into: html, build: build).utf8), for: request)
    }

    /// A file as it is, or an HTML page with the script; nil when the file vanished (a rebuild
    /// just removed it).
    private func page(_ file: URL, status: HTTPStatusCode, build: String, for request: HTTPRequest) -> HTTPResponse? {
        let type = ContentType.of(fileExtension: file.pathExtension)
        if type == ContentType.html {
            guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
            // A page that is not UTF-8 is sent untouched rather than damaged.
            let body = String(data: data, encoding: .utf8).map { Data(LiveReloadScript.inject(into: $0, build: build).utf8) } ?? data
            return respond(status, type: type, body: body, for: request)
        }
        guard let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int else { return nil }
        if request.method == .HEAD {
            return HTTPResponse(statusCode: status, headers: headers(type: type, length: size), body: Data())
        }
        // Streamed, so a large image is not read into memory first.
        guard let body = try? HTTPBodySequence(file: file) else { return nil }
        return HTTPResponse(statusCode: status, headers: headers(type: type), body: body)
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
