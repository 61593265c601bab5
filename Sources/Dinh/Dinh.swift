// The library product: one import for programs that use Dinh. Its public surface is the content
// model and loader (DinhContent), the builder and its steps (DinhSite), the marketplace feeds
// (DinhFeeds), QR codes and placards (DinhQR), and diagnostics (DinhCore). The imaging, panorama,
// template, import and preview modules are Dinh's own (`package` access).
@_exported import DinhContent
@_exported import DinhCore
@_exported import DinhFeeds
@_exported import DinhQR
@_exported import DinhSite
