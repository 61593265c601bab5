import DinhCore

extension ServeMessage: TranslatedTable {
    package var english: String {
        switch self {
        case .cannotCreateFile(let folder): "cannot create a file in \(folder)"
        case .overlayHeadingNoSite: "dinh: the site could not be built yet. Fix what is said below and save; this page reloads."
        case .noSiteYet: "The site has not been built yet: see the messages of dinh serve."
        case .overlayHeading: "dinh: the site could not be rebuilt. The last good version is shown underneath (click to see it). Fix and save; this page reloads."
        case .cannotListen(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason.text(in: .en))"
        case .portInUse: "the port is used by another program; choose another with --port"
        case .noSuchAddress: "this machine has no such address"
        case .notLocalAddress(let host): "'\(host)' is not an IP address of this machine; use 127.0.0.1 (this computer) or 0.0.0.0 (the local network)"
        case .serverNotStarted: "cannot start the preview server"
        }
    }
}
