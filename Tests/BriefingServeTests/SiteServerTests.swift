import Testing
@testable import BriefingServe
