import OutcomeLedger

/// The people pages: who carries what — each person's open pods, what they own and how
/// it is doing, the lenses they cover, and for owners the diagnostics on their files.
extension SitePages {
    private func activeCount(_ person: PageData.PersonEntry) -> Int {
        person.pods.count { data.published($0.id)?.effectiveStatus == .active }
    }

    func personRow(_ person: PageData.PersonEntry) -> [String: Any] {
        let load = data.ledger.load
        let open = load.openPodCount(person.handle)
        return [
            "handle": person.handle, "name": person.name,
            "path": Identifiers.isHandle(person.handle) ? PageData.personPath(person.handle) : none,
            "pod_count": person.pods.count, "active_count": activeCount(person),
            "open_count": open, "owned_count": load.owned[person.handle]?.count ?? 0,
            "over_capacity": open > data.ledger.config.maxPodsPerPerson,
            "lenses": load.lenses(of: person.handle, in: data.ledger).joined(separator: ", "),
        ]
    }

    func details(_ person: PageData.PersonEntry) -> [String: Any] {
        let owned = data.ownedIDs[person.handle] ?? []
        // Their pods, and what they own without being in its pod (check reports that);
        // what they own shows its signals: it is theirs to act on.
        let memberOf = Set(person.pods.map(\.id))
        let entries = person.pods.map { ($0.id, $0.lenses) } + owned.filter { !memberOf.contains($0) }.map { ($0, []) }
        let pods = entries.map { id, lenses -> [String: Any] in
            let owns = owned.contains(id)
            let signals = owns ? (data.judgement(id)?.signals ?? []).map(Self.signal) : []
            return ["outcome": data.summary(id), "lenses": lenses.joined(separator: ", "), "owns": owns,
                    "signals": signals, "has_signals": !signals.isEmpty]
        }
        let active = activeCount(person)
        let load = data.ledger.load
        let open = load.openPodCount(person.handle)
        let limit = data.ledger.config.maxPodsPerPerson
        let problems = (diagnosticsByOwner[person.handle] ?? []).map(Self.problem)
        return [
            "handle": person.handle, "name": person.name,
            "email": person.email ?? none, "url": SafeURL.link(person.url) ?? none,
            "pods": pods, "has_pods": !pods.isEmpty,
            "active_count": active, "one_active": active == 1,
            "open_count": open, "one_open": open == 1, "max_pods_per_person": limit, "over_capacity": open > limit,
            "lenses": load.lenses(of: person.handle, in: data.ledger).joined(separator: ", "),
            "owned_count": owned.count, "one_owned": owned.count == 1,
            "problems": problems, "has_problems": !problems.isEmpty,
        ]
    }
}
