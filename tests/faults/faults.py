#!/usr/bin/env python3
"""Fault drills against the built app, as an operator runs it (issue 17, ADR 0038). Standard library only.

  faults.py kill   --provider Sqlite|Postgres --cs CONNECTION   kill -9 during a write storm, restart, count
  faults.py outage --cs CONNECTION --pgctl 'CMD'                 PostgreSQL stopped for 20 s under load
  faults.py twin   --cs CONNECTION --nginx-port N --ports A,B    two instances behind nginx

Each drill prints its figures and exits non-zero when an acknowledged write is lost or a check fails.
"""
import argparse, http.cookiejar, json, os, random, re, signal, subprocess, sys, threading, time, urllib.error, urllib.parse, urllib.request, uuid

APP = os.environ.get("LIANXIN_APP_DLL", "src/Lianxin.Web/bin/Release/net10.0/Lianxin.Web.dll")
PASSWORD = "Lianxin-Demo-2026"  # the documented demo password (DemoSetup)
failures = []
started = []  # every app this run started, stopped at exit whatever happens


def check(name, ok, detail=""):
    print(f"  {'ok  ' if ok else 'FAIL'} {name}{(' — ' + detail) if detail and not ok else ''}", flush=True)
    if not ok:
        failures.append(name)


# ---------- the app, started as an operator would: environment variables, no test host ----------

class App:
    def __init__(self, name, port, provider, cs, log_dir, extra=None):
        self.name, self.port, self.provider, self.cs = name, port, provider, cs
        self.log = open(os.path.join(log_dir, f"{name}.log"), "ab")
        self.extra = extra or {}
        self.proc = None
        started.append(self)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=240):
        env = dict(os.environ,
                   ASPNETCORE_ENVIRONMENT="Production", ASPNETCORE_URLS=self.base,
                   Database__Provider=self.provider, ConnectionStrings__Lianxin=self.cs,
                   Demo__Enabled="true",  # demo data and the demo keys
                   # The storm comes from one address: the per-client intake limit would refuse it (not what is tested here).
                   Demands__PublicIntake__PermitLimit="1000000",
                   Logging__LogLevel__Default="Warning", **self.extra)
        self.proc = subprocess.Popen(["dotnet", APP], env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"{self.name} exited with {self.proc.returncode} while starting (see {self.log.name})")
            if status(self.base + "/health/ready", timeout=5)[0] == 200:
                return
            time.sleep(0.5)
        raise SystemExit(f"{self.name} not ready after {timeout} s (see {self.log.name})")

    def kill9(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill9()


def request(url, method="GET", body=None, headers=None, timeout=30, opener=None):
    """(status, headers, text); status 0 when no answer came (connection refused or cut)."""
    data = json.dumps(body).encode() if body is not None and not isinstance(body, bytes) else body
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if body is not None and not isinstance(body, bytes):
        req.add_header("Content-Type", "application/json")
    try:
        with (opener.open(req, timeout=timeout) if opener else urllib.request.urlopen(req, timeout=timeout)) as r:
            return r.status, r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")
    except Exception:
        return 0, {}, ""


def status(url, timeout=30):
    s, h, t = request(url, timeout=timeout)
    return s, t


def token(base, user):
    s, _, t = request(base + "/api/v1/auth/token", "POST", {"userName": user, "password": PASSWORD})
    if s != 200:
        raise SystemExit(f"sign-in of {user} answered {s}: {t[:200]}")
    return json.loads(t)["accessToken"]


# ---------- the database, read with the provider's own client (sqlite3 module, psql) ----------

class Db:
    def __init__(self, provider, cs):
        self.provider, self.cs = provider, cs

    def rows(self, sql):
        if self.provider == "Sqlite":
            import sqlite3
            path = re.search(r"Data Source=([^;]+)", self.cs).group(1)
            with sqlite3.connect(path) as c:
                return [tuple(str(v) for v in r) for r in c.execute(sql)]
        parts = dict(p.split("=", 1) for p in self.cs.split(";") if "=" in p)
        out = subprocess.run(["psql", "-h", parts["Host"], "-U", parts["Username"], "-d", parts["Database"], "-At", "-F", "\t", "-c", sql],
                             check=True, capture_output=True, text=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]

    def ids(self, sql):
        return {r[0].lower() for r in self.rows(sql)}


def filing_target(db):
    """The demo community 和平社区 and its street's category 设施维修 (no appointment): what a resident picks on the public form."""
    community = db.rows("""SELECT "Id", "ParentId" FROM org_units WHERE "ShortName" = '和平社区党委'""")[0]
    category = db.rows(f"""SELECT "Id" FROM dem_categories WHERE lower("StreetId") = lower('{community[1]}') AND "Name" = '设施维修'"""
                       if db.provider == "Sqlite" else
                       f"""SELECT "Id" FROM dem_categories WHERE "StreetId" = '{community[1]}' AND "Name" = '设施维修'""")[0][0]
    return community[0], category


# ---------- the write storm ----------

class Threads:
    """Worker threads running self.work(n) until stopped (both storms)."""

    def start(self):
        self.workers = [threading.Thread(target=self.work, args=(n,), daemon=True) for n in range(self.threads)]
        for w in self.workers:
            w.start()
        return self

    def stop(self):
        self.stopping.set()
        for w in self.workers:
            w.join(60)


class Storm(Threads):
    """Threads filing demands (public API with an Idempotency-Key; staff API with a bearer token) until told to stop.
    Every 2xx is recorded with its id; requests that got no answer are remembered with their key, to resend."""

    def __init__(self, base, community, category, marker, staff_token=None, threads=8):
        self.base, self.community, self.category, self.marker = base, community, category, marker
        self.staff_token, self.threads = staff_token, threads
        self.acked, self.unanswered, self.statuses = {}, {}, {}
        self.lock, self.stopping = threading.Lock(), threading.Event()
        self.workers = []

    def filing(self, key):
        return {"communityId": self.community, "categoryId": self.category, "address": "和平路 1 号",
                "description": f"故障演练 {self.marker} {key} 楼道灯不亮，请尽快修理。", "contactName": "演练居民",
                "contactPhone": "13800001234"}

    def send(self, key, staff):
        url = self.base + ("/api/v1/demands" if staff else "/api/v1/public/demands")
        headers = {"Idempotency-Key": key}
        if staff:
            headers["Authorization"] = "Bearer " + self.staff_token
        return request(url, "POST", self.filing(key), headers, timeout=30)

    def work(self, n):
        i = 0
        while not self.stopping.is_set():
            i += 1
            key = f"{self.marker}-{n}-{i}"
            staff = self.staff_token is not None and i % 3 == 0
            s, _, t = self.send(key, staff)
            with self.lock:
                self.statuses[s] = self.statuses.get(s, 0) + 1
                if 200 <= s < 300:
                    self.acked[key] = json.loads(t)["id"].lower()
                elif s == 0:
                    self.unanswered[key] = staff
                    if not self.stopping.is_set():
                        time.sleep(0.2)  # the app is gone: do not spin
                else:
                    self.last_error = (s, t)

    def wait_for(self, acked, timeout=120):
        deadline = time.time() + timeout
        while len(self.acked) < acked and time.time() < deadline:
            time.sleep(0.05)
        return len(self.acked) >= acked


class PointsStorm(Threads):
    """Threads awarding points (PointsBank): a staff member proposes a good deed (好人好事) for a resident, a second one
    approves it, which writes the decision, the transfer and both balances in one transaction. Every 2xx is recorded."""

    def __init__(self, base, community, marker, proposer, approver, threads=2):
        self.base, self.community, self.marker = base, community, marker
        self.proposer, self.approver, self.threads = proposer, approver, threads
        self.proposed, self.approved, self.statuses = set(), set(), {}
        self.lock, self.stopping = threading.Lock(), threading.Event()
        self.workers = []

    def post(self, path, body, bearer):
        return request(self.base + "/api/v1/pointsbank" + path, "POST", body, {"Authorization": "Bearer " + bearer}, timeout=30)

    def work(self, n):
        i = 0
        while not self.stopping.is_set():
            i += 1
            s, _, t = self.post("/deeds", {"communityId": self.community, "userName": "resident", "points": 5,
                                            "description": f"故障演练 {self.marker}-{n}-{i} 帮助邻居搬运物品"}, self.proposer)
            if 200 <= s < 300:
                deed = json.loads(t)
                with self.lock:
                    self.proposed.add(deed["id"].lower())
                s, _, t = self.post(f"/deeds/{deed['id']}/decision", {"approve": True, "version": deed["version"]}, self.approver)
                if 200 <= s < 300:
                    with self.lock:
                        self.approved.add(deed["id"].lower())
            with self.lock:
                self.statuses[s] = self.statuses.get(s, 0) + 1
            if s == 0 and not self.stopping.is_set():
                time.sleep(0.2)  # the app is gone: do not spin



class ScoreSheetStorm(Threads):
    """Threads saving score sheets (Reviews) as the panel of a round opened for the drill: two reviewer clients share the
    reviewer's sheets (so a save on a version the other has just moved on answers 409, a valid answer, not a loss), one
    client saves the street's. Every 2xx is recorded with what it saved; per sheet the save with the highest version is the
    last acknowledged one (a version grows by one per committed save)."""

    def __init__(self, base, round_, marker, clients, threads=3):
        self.base, self.round, self.marker, self.clients, self.threads = base, round_, marker, clients, threads
        self.acked, self.versions, self.statuses = {}, {}, {}
        self.lock, self.stopping = threading.Lock(), threading.Event()
        self.workers = []

    def entries(self, rng):
        """A valid entry for every item of the rubric, veto items untriggered (a drill sheet keeps a total)."""
        out = {}
        for item in self.round["items"]:
            kind, top = item["type"], item["max"]
            value = (rng.randint(0, 3) if kind == "Deduction" else 0 if kind == "Veto" else rng.randint(0, int(top * 2)) / 2)
            out[item["code"]] = {"value": value}
        return out

    def work(self, n):
        bearer, sheets = self.clients[n % len(self.clients)]
        headers = {"Authorization": "Bearer " + bearer}
        rng, versions, i = random.Random(n), {}, n
        while not self.stopping.is_set():
            i += 1
            sheet = sheets[i % len(sheets)]
            if sheet not in versions:  # read the versions first (after a 409 too), as the list of one's sheets shows them
                s, _, t = request(f"{self.base}/api/v1/reviews/sheets/mine?roundId={self.round['id']}", headers=headers, timeout=30)
                if s != 200:
                    self.count(s)
                    continue
                versions.update({r["id"].lower(): r["version"] for r in json.loads(t)})
            entries, comment = self.entries(rng), f"故障演练 {self.marker} 客户端{n}-{i}"
            s, _, t = request(f"{self.base}/api/v1/reviews/sheets/{sheet}", "PUT",
                              {"entries": entries, "comment": comment, "version": versions.pop(sheet)}, headers, timeout=30)
            self.count(s)
            if 200 <= s < 300:
                row = json.loads(t)
                versions[sheet] = row["version"]
                with self.lock:
                    self.versions.setdefault(sheet, []).append(row["version"])
                    if row["version"] > self.acked.get(sheet, {}).get("version", -1):
                        self.acked[sheet] = {"version": row["version"], "entries": {k: v["value"] for k, v in entries.items()},
                                             "comment": comment, "total": row["total"]}

    def saved(self):
        with self.lock:
            return sum(len(v) for v in self.versions.values())

    def count(self, s):
        with self.lock:
            self.statuses[s] = self.statuses.get(s, 0) + 1
        if s == 0 and not self.stopping.is_set():
            time.sleep(0.2)  # the app is gone: do not spin


def score_sheet_round(base, marker, street, reviewer):
    """A round for the drill, through the API as the street's coordinator would: the demo's published quarterly round (the
    street's published round over the most units) gives the rubric and three communities; the panel is the demo reviewer and
    the street's staff member; opening the round makes one draft sheet per panelist and community. Returns the round with
    the rubric's items and each panelist's sheets."""
    def api(path, bearer, method="GET", body=None):
        s, _, t = request(base + "/api/v1/reviews" + path, method, body, {"Authorization": "Bearer " + bearer}, timeout=60)
        if not 200 <= s < 300:
            raise SystemExit(f"{method} /api/v1/reviews{path} answered {s}: {t[:300]}")
        return json.loads(t)
    def me(bearer):
        return json.loads(request(base + "/api/v1/auth/me", headers={"Authorization": "Bearer " + bearer})[2])
    demo = max((r for r in api("/rounds", street) if r["state"] == "Published" and r["target"] == "Units"), key=lambda r: r["units"])
    demo = api(f"/rounds/{demo['id']}", street)
    owner = next(g["orgUnitId"] for g in me(street)["grants"] if g["role"] == "StreetStaff")
    created = api("/rounds", street, "POST", {
        "ownerUnitId": owner, "name": f"故障演练 {marker}", "rubricId": demo["rubricId"], "target": "Units", "aggregation": "Mean",
        "units": [{"unitId": u["unitId"]} for u in demo["units"][:3]],
        "panel": [{"userId": me(reviewer)["id"], "panelRole": "评委"}, {"userId": me(street)["id"], "panelRole": "组长"}]})
    opened = api(f"/rounds/{created['id']}", street)
    api(f"/rounds/{created['id']}/open", street, "POST", {"version": opened["version"]})
    items = api(f"/rubrics/{demo['rubricId']}", street)["definition"]["items"]
    sheets = {who: [s["id"].lower() for s in api(f"/sheets/mine?roundId={created['id']}", bearer)] for who, bearer in (("street", street), ("reviewer", reviewer))}
    if not all(len(s) == 3 for s in sheets.values()):
        raise SystemExit(f"the drill's round has not three sheets per panelist: {sheets}")
    return {"id": created["id"].lower(), "items": items, "sheets": sheets}


def count_sheet_loss(db, storm, base, label):
    """Every sheet holds at least its last acknowledged save (a higher version = a later save that committed unanswered);
    no half-written sheet: its stored total and section points are what the app's scoring makes of its stored entries,
    and each version a sheet of the drill reached has its audit entry."""
    rows = {r[0].lower(): r for r in db.rows("""SELECT "Id", "Version", "EntriesJson", "Comment", "Total", "SectionTotalsJson" FROM rev_score_sheets
                                               WHERE "Comment" LIKE '%""" + storm.marker + "%'")}
    lost = {}  # sheet → acknowledged saves it does not hold
    for sheet, ack in storm.acked.items():
        row = rows.get(sheet)
        held = int(row[1]) if row else -1
        if held < ack["version"]:
            lost[sheet] = sum(1 for v in storm.versions[sheet] if v > held)
        elif held == ack["version"]:
            stored = {k: v["value"] for k, v in json.loads(row[2]).items()}
            if stored != ack["entries"] or row[3] != ack["comment"] or abs(float(row[4]) - ack["total"]) > 1e-6:
                lost[sheet] = 1
    audited = set()
    for entity_id, after in db.rows("""SELECT "EntityId", "After" FROM aud_entries WHERE "Entity" = 'ScoreSheet' AND "Action" = 'Update'
                                       AND "After" LIKE '%""" + storm.marker + "%'"):
        if "Version" in (changed := json.loads(after)):
            audited.add((entity_id.lower(), int(changed["Version"])))
    bearers = {}
    for who, sheets in storm.round["sheets"].items():
        bearer = token(base, who)
        bearers.update({s: bearer for s in sheets})
    half = set()
    for sheet, row in rows.items():
        s, _, t = request(f"{base}/api/v1/reviews/sheets/{sheet}", headers={"Authorization": "Bearer " + bearers[sheet]}, timeout=30)
        result = json.loads(t)["result"] if s == 200 else None
        sections = json.loads(row[5]) if row[5] else None
        if (result is None or abs(float(row[4]) - result["total"]) > 1e-6 or sections is None
                or any(abs(sections.get(k, -1) - v) > 1e-6 for k, v in result["sections"].items())
                or (sheet, int(row[1])) not in audited):
            half.add(sheet)
    saves = storm.saved()
    print(f"  {label}: score-sheet saves acknowledged {saves} on {len(storm.acked)} sheets, present {saves - sum(lost.values())}, "
          f"lost {sum(lost.values())}; sheets holding their last acknowledged save {len(storm.acked) - len(lost)} of {len(storm.acked)}; "
          f"sheets of the drill {len(rows)}, half-written {len(half)}; stale-version 409s {storm.statuses.get(409, 0)}; statuses {storm.statuses}", flush=True)
    check(f"{label}: every sheet holds at least its last acknowledged save", not lost, f"lost {sorted(lost.items())[:5]}")
    check(f"{label}: no half-written sheet (total and section points match its entries, each version audited)", not half, f"{sorted(half)[:5]}")
    return saves, sum(lost.values())


def count_points_loss(db, storm, base, label):
    """Every acknowledged proposal and approval present; no approval without its transfer (nor a transfer without its
    approval); the ledger's own check (balances = transfers) finds nothing."""
    deeds = {r[0].lower(): r[1] for r in db.rows("""SELECT "Id", "State" FROM pb_good_deeds WHERE "Description" LIKE '%""" + storm.marker + "%'")}
    paid = db.ids("""SELECT t."CauseId" FROM pb_transfers t WHERE t."CauseType" = 'deed' AND t."Memo" LIKE '%""" + storm.marker + "%'")
    lost = (storm.proposed - deeds.keys()) | {d for d in storm.approved if deeds.get(d) != "Approved"}
    half = {d for d, state in deeds.items() if (state == "Approved") != (d in paid)} | (paid - deeds.keys())
    s, _, t = request(base + "/api/v1/pointsbank/check", headers={"Authorization": "Bearer " + token(base, "admin")}, timeout=60)
    problems = json.loads(t).get("problems") if s == 200 else [f"{s} {t[:200]}"]
    print(f"  {label}: points awards acknowledged {len(storm.approved)} (proposals {len(storm.proposed)}), lost {len(lost)}; "
          f"deeds of the drill {len(deeds)}, approved {sum(1 for v in deeds.values() if v == 'Approved')}, transfers {len(paid)}, "
          f"half-written {len(half)}; statuses {storm.statuses}", flush=True)
    check(f"{label}: every acknowledged points award is present", not lost, f"lost {sorted(lost)[:5]}")
    check(f"{label}: no approval without its transfer, no transfer without its approval", not half, f"{sorted(half)[:5]}")
    check(f"{label}: the points ledger checks out (balances = transfers)", not problems, f"{problems[:3]}")
    return len(storm.approved), len(lost)


def count_loss(db, acked, marker, label):
    """Every acknowledged demand present; no demand of this drill without its first step or its audit insert."""
    present = db.ids("""SELECT "Id" FROM dem_demands WHERE "Description" LIKE '%""" + marker + "%'")
    lost = set(acked.values()) - present
    stepped = db.ids("""SELECT DISTINCT s."DemandId" FROM dem_steps s JOIN dem_demands d ON d."Id" = s."DemandId" WHERE d."Description" LIKE '%""" + marker + "%'")
    audited = db.ids("""SELECT DISTINCT a."EntityId" FROM aud_entries a WHERE a."Entity" = 'Demand' AND a."Action" = 'Insert'""")
    half = {d for d in present if d not in stepped or d not in audited}
    print(f"  {label}: writes acknowledged {len(acked)}, present {len(set(acked.values()) & present)}, lost {len(lost)}; "
          f"demands of the drill in the database {len(present)}, half-written {len(half)}", flush=True)
    check(f"{label}: every acknowledged write is present", not lost, f"lost {sorted(lost)[:5]}")
    check(f"{label}: no half-written demand (each has its first step and its audit entry)", not half, f"{sorted(half)[:5]}")
    return len(acked), len(lost)


def unhandled(app, lines=12):
    """The 500s' exceptions from the app's log (the 503s are logged too, so the log's last lines do not say)."""
    with open(app.log.name, encoding="utf-8", errors="replace") as f:
        log = f.read().splitlines()
    for i, line in enumerate(log):
        if "unhandled exception" in line.lower():
            print("\n".join("    | " + l for l in log[i:i + lines]), flush=True)


def chain_intact(base, label):
    s, _, t = request(base + "/api/v1/audit/verify", headers={"Authorization": "Bearer " + token(base, "admin")}, timeout=120)
    report = json.loads(t) if s == 200 else {}
    check(f"{label}: the audit chain verifies", s == 200 and report.get("intact") is True, f"{s} {t[:300]}")
    return report.get("checked", 0)


# ---------- drills ----------

def drill_kill(a):
    db = Db(a.provider, a.cs)
    app = App(f"kill-{a.provider.lower()}", a.port, a.provider, a.cs, a.log_dir)
    app.start()
    community, category = filing_target(db)
    marker = "K" + uuid.uuid4().hex[:8]
    staff = token(app.base, "staff")
    # Score-sheet saves in the same window (set up first, so all three storms run together): a round of the drill, its
    # panel saving (two clients of the reviewer sharing the reviewer's sheets, one of the street's staff member).
    street, reviewer = token(app.base, "street"), token(app.base, "reviewer")
    round_ = score_sheet_round(app.base, marker, street, reviewer)
    storm = Storm(app.base, community, category, marker, staff_token=staff).start()
    # Points awards next to the filings: two staff members (four eyes) in the resident's community (issue 17).
    points = PointsStorm(app.base, community, marker, staff, token(app.base, "secretary")).start()
    sheets = ScoreSheetStorm(app.base, round_, marker, [(reviewer, round_["sheets"]["reviewer"]), (reviewer, round_["sheets"]["reviewer"]),
                                                        (street, round_["sheets"]["street"])]).start()
    got = storm.wait_for(60)
    deadline = time.time() + 60
    while (len(points.approved) < 5 or sheets.saved() < 5) and time.time() < deadline:
        time.sleep(0.05)
    saved = sheets.saved()
    check("the storm got answers before the kill", got and len(points.approved) >= 5 and saved >= 5,
          f"only {len(storm.acked)} filings, {len(points.approved)} points awards and {saved} score-sheet saves acknowledged, "
          f"statuses {storm.statuses} {points.statuses} {sheets.statuses}, last {getattr(storm, 'last_error', None)}")
    app.kill9()  # mid-storm: the threads are still sending
    in_flight = len(storm.workers) + len(points.workers) + len(sheets.workers)
    storm.stop()
    points.stop()
    sheets.stop()
    print(f"  kill -9 after {len(storm.acked)} acknowledged filings, {len(points.approved)} points awards and "
          f"{sheets.saved()} score-sheet saves with {in_flight} clients sending; statuses {storm.statuses}", flush=True)
    app.start()
    acked, lost = count_loss(db, storm.acked, marker, f"kill -9 ({a.provider})")
    awarded, points_lost = count_points_loss(db, points, app.base, f"kill -9 ({a.provider})")
    saves, sheets_lost = count_sheet_loss(db, sheets, app.base, f"kill -9 ({a.provider})")
    acked, lost = acked + awarded + saves, lost + points_lost + sheets_lost
    # A client that got no answer resends with its key: it gets the one demand, never a second.
    resent = 0
    for key, staff in list(storm.unanswered.items()):
        s, _, t = storm.send(key, staff)
        if 200 <= s < 300:
            resent += 1
    dup = db.rows("""SELECT "IdempotencyKey", COUNT(*) FROM dem_demands WHERE "Description" LIKE '%""" + marker + """%' GROUP BY "IdempotencyKey" HAVING COUNT(*) > 1""")
    check(f"kill -9 ({a.provider}): unanswered filings resent with their key are filed once", resent == len(storm.unanswered) and not dup,
          f"resent {resent}/{len(storm.unanswered)}, duplicates {dup[:3]}")
    checked = chain_intact(app.base, f"kill -9 ({a.provider})")
    app.stop()
    print(f"FIGURES kill9 provider={a.provider} acknowledged={acked} lost={lost} sheet_saves={saves} sheets_lost={sheets_lost} "
          f"resent={len(storm.unanswered)} audit_checked={checked}", flush=True)


def drill_outage(a):
    db = Db("Postgres", a.cs)
    app = App("outage", a.port, "Postgres", a.cs, a.log_dir)
    app.start()
    community, category = filing_target(db)
    marker = "O" + uuid.uuid4().hex[:8]
    storm = Storm(app.base, community, category, marker, threads=4).start()
    storm.wait_for(20)
    subprocess.run(a.pg_stop, shell=True, check=True)
    down_at = time.time()
    time.sleep(2)  # open connections are cut; the pool notices on the next use
    api = request(app.base + "/api/v1/public/demands", "POST", storm.filing(marker + "-probe"))
    page = request(app.base + "/public/demands/new")
    ready, live = request(app.base + "/health/ready"), request(app.base + "/health")
    check("outage: the API answers 503 ProblemDetails in Chinese with Retry-After",
          api[0] == 503 and "服务暂时不可用" in api[2] and api[1].get("Retry-After"), f"{api[0]} {api[2][:200]}")
    check("outage: a page answers 503 with a Chinese page", page[0] == 503 and "数据库" in page[2], f"{page[0]} {page[2][:200]}")
    check("outage: /health/ready is 503 and names the database", ready[0] == 503 and "数据库" in ready[2], f"{ready[0]} {ready[2][:200]}")
    check("outage: /health (liveness) stays 200", live[0] == 200, f"{live[0]}")
    time.sleep(max(0, 20 - (time.time() - down_at)))
    subprocess.run(a.pg_start, shell=True, check=True)
    up_at = time.time()
    recovered = None
    while time.time() - up_at < 60:
        if status(app.base + "/health/ready", timeout=5)[0] == 200 and request(app.base + "/api/v1/public/demands", "POST", storm.filing(f"{marker}-after-{time.time()}"))[0] == 201:
            recovered = time.time() - up_at
            break
        time.sleep(0.5)
    check("outage: the app recovers by itself (no restart)", recovered is not None and app.proc.poll() is None)
    storm.wait_for(len(storm.acked) + 10, timeout=30)
    storm.stop()
    print(f"  database down {up_at - down_at:.0f} s; statuses during the drill {storm.statuses}; recovered {recovered or -1:.1f} s after the database", flush=True)
    check("outage: the storm saw 503s while the database was down", storm.statuses.get(503, 0) > 0, f"{storm.statuses}")
    check("outage: no 500 during the outage", storm.statuses.get(500, 0) == 0, f"{storm.statuses}")
    if storm.statuses.get(500, 0):
        unhandled(app)
    acked, lost = count_loss(db, storm.acked, marker, "database outage")
    app.stop()
    print(f"FIGURES outage down_seconds={up_at - down_at:.0f} acknowledged={acked} lost={lost} answered_503={storm.statuses.get(503, 0)} recovered_seconds={recovered or -1:.1f}", flush=True)


def drill_twin(a):
    db = Db("Postgres", a.cs)
    ports = [int(p) for p in a.ports.split(",")]
    apps = [App(f"instance-{i + 1}", p, "Postgres", a.cs, a.log_dir) for i, p in enumerate(ports)]
    for app in apps:
        app.start()
    lb = f"http://127.0.0.1:{a.nginx_port}"

    # A person signs in through the balancer: the form comes from one instance, the post goes to the other.
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    served = []
    s, h, t = request(lb + "/account/login", opener=opener)
    served.append(h.get("X-Upstream"))
    form = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', t) or re.search(r'value="([^"]+)"[^>]*name="__RequestVerificationToken"', t)
    body = urllib.parse.urlencode({"UserName": "staff", "Password": PASSWORD, "__RequestVerificationToken": form.group(1) if form else ""}).encode()
    s, h, t = request(lb + "/account/login", "POST", body, {"Content-Type": "application/x-www-form-urlencoded"}, opener=opener)
    served.append(h.get("X-Upstream"))
    check("two instances: sign-in through the balancer (form from one instance, post to the other)", s == 302, f"{s} {t[:200]}")
    pages = []
    for _ in range(6):
        s, h, t = request(lb + "/demands", opener=opener)
        pages.append(s)
        served.append(h.get("X-Upstream"))
    check("two instances: the signed-in session is served by both instances", all(p == 200 for p in pages) and len({x for x in served if x}) == 2,
          f"statuses {pages}, upstreams {served}")
    # A form posted back through the balancer: antiforgery tokens made on one instance are read on the other.
    community, category = filing_target(db)
    marker = "T" + uuid.uuid4().hex[:8]
    s, h, t = request(lb + "/api/v1/public/demands", "POST", Storm(lb, community, category, marker).filing(marker))
    check("two instances: a filing through the balancer is acknowledged", s == 201, f"{s} {t[:200]}")

    # Jobs: each job's lease is held by one instance at a time; both instances run passes over the drill. Polled: done as
    # soon as both instances have run a pass (ADR 0040), at most job_seconds × 3.
    def passes():
        out = {}
        for app in apps:
            text = request(app.base + "/metrics")[2]
            out[app.name] = {o: sum(float(v) for v in re.findall(r'lianxin_job_runs_total\{[^}]*outcome="' + o + r'"[^}]*\} ([0-9.e+]+)', text)) for o in ("done", "busy", "failed")}
        return out
    deadline = time.time() + a.job_seconds * 3
    runs = passes()
    while not all(r["done"] + r["busy"] > 0 for r in runs.values()) and time.time() < deadline:
        time.sleep(0.5)
        runs = passes()
    holders = db.rows("""SELECT "Name", COUNT(DISTINCT "Holder") FROM dem_job_leases GROUP BY "Name", "TenantId" HAVING COUNT(*) > 1""")
    check("two instances: one lease row per job and district", not holders, f"{holders[:3]}")
    print(f"  job passes per instance {runs}", flush=True)
    check("two instances: both run job passes, none failed", all(r["done"] + r["busy"] > 0 and r["failed"] == 0 for r in runs.values()), f"{runs}")

    # Rate limits: the sign-in throttle counts per client in the database, so the balancer's round robin does not multiply it.
    answers = []
    for _ in range(a.sign_in_tries):
        s, _, _ = request(lb + "/api/v1/auth/token", "POST", {"userName": "no-such-user-" + marker, "password": "wrong"})
        answers.append(s)
    first429 = answers.index(429) + 1 if 429 in answers else None
    check("two instances: the sign-in throttle holds across instances", first429 is not None and first429 <= a.sign_in_limit + 1,
          f"answers {answers}")
    # The public intake is limited by nginx (limit_req, the example's zone): a burst beyond it gets 429 from the balancer.
    burst = [request(lb + "/api/v1/public/demands", "POST", {})[0] for _ in range(a.intake_burst)]
    check("two instances: nginx limits the public intake for all instances together", 429 in burst, f"{burst}")
    for app in apps:
        app.stop()
    print(f"FIGURES twin instances={len(apps)} upstreams_seen={len({x for x in served if x})} sign_in_429_after={first429} intake_429={burst.count(429)}/{len(burst)}", flush=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("drill", choices=["kill", "outage", "twin"])
    p.add_argument("--provider", default="Postgres")
    p.add_argument("--cs", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--ports", default="")
    p.add_argument("--nginx-port", type=int, default=0)
    p.add_argument("--pg-stop", default="")
    p.add_argument("--pg-start", default="")
    p.add_argument("--log-dir", default="/tmp")
    p.add_argument("--job-seconds", type=int, default=20)
    p.add_argument("--sign-in-limit", type=int, default=10)
    p.add_argument("--sign-in-tries", type=int, default=14)
    p.add_argument("--intake-burst", type=int, default=40)
    a = p.parse_args()
    try:
        {"kill": drill_kill, "outage": drill_outage, "twin": drill_twin}[a.drill](a)
    finally:
        for app in started:
            app.stop()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
