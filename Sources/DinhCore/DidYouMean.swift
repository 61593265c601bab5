/// Suggestions for misspelt keys (`ranknig` → `ranking`).
package enum DidYouMean {
    package static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        var best: (candidate: String, distance: Int, edits: Int)?
        let word = word.lowercased()
        for candidate in candidates {
            let lower = candidate.lowercased()
            let edits = editDistance(word, lower)
            // The right letters in another order (`sence` for `scene`: two edits apart) are one
            // mistake; a true one-letter slip still comes first (`anh-124.jpg` for `anh-123.jpg`, not `anh-321.jpg`).
            let distance = edits > 1 && word.count >= 4 && word.sorted() == lower.sorted() ? 1 : edits
            if distance <= max(1, candidate.count / 3), (distance, edits) < (best?.distance ?? .max, best?.edits ?? .max) {
                best = (candidate, distance, edits)
            }
        }
        return best?.candidate
    }

    /// Damerau–Levenshtein (optimal string alignment): a swap of two letters counts as one edit.
    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
