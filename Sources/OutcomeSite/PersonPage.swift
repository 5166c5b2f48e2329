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
            "lenses": load.lenses(of: person.handle, order: data.ledger.config.lenses).joined(separator: ", "),
        ]
    }

    func details(_ person: PageData.PersonEntry) -> [String: Any] {
        let pods = person.pods.map { pod -> [String: Any] in
            ["outcome": data.summary(pod.id), "lenses": pod.lenses.joined(separator: ", ")]
        }
        let active = activeCount(person)
        let load = data.ledger.load
        let open = load.openPodCount(person.handle)
        let limit = data.ledger.config.maxPodsPerPerson
        let owned = data.sortedOutcomes.filter { $0.owner?.value == person.handle }.map { outcome in
            let id = outcome.id.value
            var entry = data.summary(id)
            entry["signals"] = (data.judgement(id)?.signals ?? []).map(Self.signal)
            return entry
        }
        let problems = (diagnosticsByOwner[person.handle] ?? []).map(Self.problem)
        return [
            "handle": person.handle, "name": person.name,
            "email": person.email ?? none, "url": SafeURL.link(person.url) ?? none,
            "pods": pods, "has_pods": !pods.isEmpty,
            "active_count": active, "one_active": active == 1,
            "open_count": open, "one_open": open == 1, "max_pods_per_person": limit, "over_capacity": open > limit,
            "lenses": load.lenses(of: person.handle, order: data.ledger.config.lenses).joined(separator: ", "),
            "owned": owned, "has_owned": !owned.isEmpty,
            "problems": problems, "has_problems": !problems.isEmpty,
        ]
    }
}
