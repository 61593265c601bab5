// The library product: one import for programs that use Dinh.
@_exported import DinhCore
@_exported import DinhContent
@_exported import DinhImaging
@_exported import DinhPanorama
@_exported import DinhQR
@_exported import DinhFeeds
@_exported import DinhImport
@_exported import DinhSite
@_exported import DinhTemplate
