import Testing
@testable import DaybookMarkdown
