/// A counting semaphore for tasks: `acquire` suspends (never blocks a thread) until enough
/// slots are free; waiters are served first come, first served (a heavy waiter at the head is
/// not overtaken by light ones, so it cannot starve).
actor AsyncSlots {
    let capacity: Int
    private var free: Int
    private var waiters: [(weight: Int, continuation: CheckedContinuation<Void, Never>)] = []

    init(_ count: Int) {
        capacity = max(1, count)
        free = capacity
    }

    /// Takes `weight` slots (clamped to 1…capacity); give the same weight to `release`.
    func acquire(_ weight: Int = 1) async {
        let weight = clamp(weight)
        if waiters.isEmpty && free >= weight {
            free -= weight
            return
        }
        await withCheckedContinuation { waiters.append((weight, $0)) }
    }

    func release(_ weight: Int = 1) {
        free += clamp(weight)
        while let first = waiters.first, free >= first.weight {
            free -= first.weight
            waiters.removeFirst()
            first.continuation.resume()
        }
    }

    private func clamp(_ weight: Int) -> Int { min(capacity, max(1, weight)) }
}
