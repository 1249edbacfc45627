import Foundation

/// Limits concurrent work overall and per key (host): waiters queue in FIFO order.
actor ConcurrencyLimiter {
    private let overall: Int
    private let perKey: Int
    private var running = 0
    private var runningPerKey: [String: Int] = [:]
    private var waiters: [(key: String, continuation: CheckedContinuation<Void, Never>)] = []

    init(overall: Int, perKey: Int) {
        self.overall = max(1, overall)
        self.perKey = max(1, perKey)
    }

    func acquire(_ key: String) async {
        if canRun(key) {
            start(key)
            return
        }
        await withCheckedContinuation { continuation in
            waiters.append((key, continuation))
        }
    }

    func release(_ key: String) {
        running -= 1
        runningPerKey[key, default: 1] -= 1
        if runningPerKey[key] == 0 { runningPerKey[key] = nil }
        // Wake the first waiter that may run now.
        var index = 0
        while index < waiters.count && running < overall {
            let waiter = waiters[index]
            if canRun(waiter.key) {
                waiters.remove(at: index)
                start(waiter.key)
                waiter.continuation.resume()
            } else {
                index += 1
            }
        }
    }

    private func canRun(_ key: String) -> Bool {
        running < overall && runningPerKey[key, default: 0] < perKey
    }

    private func start(_ key: String) {
        running += 1
        runningPerKey[key, default: 0] += 1
    }
}
