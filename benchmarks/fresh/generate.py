"""The `fresh` suite: 45 tasks written after the realistic suite was tuned on, to measure how
the system does on tasks it was never developed against. Each task is a rule (a plain-Python
function) applied to 10 hand-picked inputs; the first 6 examples are `train`, the last 4
`test`. Run: python benchmarks/fresh/generate.py (writes fresh.json beside this file)."""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rule_suite import MON, MONL, RuleSuite  # noqa: E402

SUITE = RuleSuite("fresh")
task = SUITE.task


# ---- names
task(
    "names-family-given-to-given-family-upper",
    ["names", "rule: 'Family Given' -> 'Given FAMILY'"],
    [
        "Tanaka Hiroshi",
        "Kim Minji",
        "Nakamura Yui",
        "Zhang Wei",
        "Park Jisoo",
        "Watanabe Kenta",
        "Liu Yang",
        "Choi Seojun",
        "Suzuki Akane",
        "Huang Mei",
    ],
    lambda s: s.split(" ")[1] + " " + s.split(" ")[0].upper(),
)
task(
    "names-first-initial-dot-last",
    ["names", "rule: first letter of first word + '. ' + last word"],
    [
        "Margaret Hamilton",
        "Grace Hopper",
        "Alan Turing",
        "Björn Ulvaeus",
        "Ada Lovelace",
        "Émile Durkheim",
        "Kwame Nkrumah",
        "Sofia Kovalevskaya",
        "Linus Torvalds",
        "Chidi Okafor",
    ],
    lambda s: s[0] + ". " + s.split(" ")[-1],
)
task(
    "names-to-dotted-lower-login",
    ["names", "rule: lowercase, space -> '.'"],
    [
        "Olga Petrova",
        "Marco Rossi",
        "Sarah Connor",
        "Jean Dupont",
        "Aisha Bello",
        "Tomasz Nowak",
        "Emily Clarke",
        "Ravi Shankar",
        "Ingrid Berg",
        "Diego Alvarez",
    ],
    lambda s: s.lower().replace(" ", "."),
)
task(
    "names-roster-code-last3-first-initial",
    ["names", "rule: upper(first 3 letters of last name) + '-' + first initial"],
    [
        "Erik Johansson",
        "Maria Garcia",
        "Kofi Mensah",
        "Lena Fischer",
        "Paul Robinson",
        "Yuki Sato",
        "Hannah Weber",
        "Omar Haddad",
        "Chloe Martin",
        "Ivan Sokolov",
    ],
    lambda s: s.split(" ")[1][:3].upper() + "-" + s[0],
)
SUF = [" Jr.", " Sr.", " III", " II"]


def strip_suf(s):
    for x in SUF:
        if s.endswith(x):
            return s[: -len(x)]
    return s


task(
    "names-strip-generational-suffix",
    ["names", "cond", "rule: drop trailing ' Jr.', ' Sr.', ' II', ' III' if present"],
    [
        "Robert Downey Jr.",
        "Martin Luther King Jr.",
        "Anna Schmidt",
        "Henry Ford II",
        "John Smith Sr.",
        "Priya Patel",
        "William Gates III",
        "Carlos Mendes",
        "Frank Sinatra Jr.",
        "Thomas Howell III",
    ],
    strip_suf,
)

# ---- email
task(
    "email-obfuscate-at-dot",
    ["email", "rule: '@' -> ' [at] ', dots after @ -> ' [dot] ', local part unchanged"],
    [
        "anna.k@firma.de",
        "support@acme.io",
        "j.doe@mail.example.com",
        "info@bistro-luna.fr",
        "m.rossi@unimi.it",
        "hello@studio.co.uk",
        "sales@nordwind.se",
        "p.nguyen@vnu.edu.vn",
        "team@build.dev",
        "r.silva@empresa.com.br",
    ],
    lambda s: s.split("@")[0] + " [at] " + s.split("@")[1].replace(".", " [dot] "),
)
task(
    "cond-email-internal-external",
    ["email", "cond", "rule: domain == acme.com -> 'internal' else 'external'"],
    [
        "jane@acme.com",
        "bob@gmail.com",
        "t.lee@acme.com",
        "orders@supplier.net",
        "k.ito@acme.com",
        "anna@acme.co",
        "mike@acme.com",
        "lisa@yahoo.com",
        "ops@acme.com",
        "acme@outlook.com",
    ],
    lambda s: "internal" if s.split("@")[1] == "acme.com" else "external",
)

# ---- url
task(
    "url-strip-scheme-trailing-slash",
    ["url", "rule: remove http:// or https:// and a trailing '/'"],
    [
        "https://www.example.com/docs/",
        "http://blog.nordic.no/",
        "https://shop.io/cart",
        "http://intranet.local/hr/forms/",
        "https://api.github.com/",
        "https://news.ycombinator.com/item",
        "http://example.org/",
        "https://www.bbc.co.uk/sport/",
        "http://10.0.0.5/admin",
        "https://docs.python.org/3/",
    ],
    lambda s: re.sub(r"/$", "", re.sub(r"^https?://", "", s)),
)
task(
    "url-utm-source-value",
    ["url", "rule: value of utm_source query parameter"],
    [
        "https://shop.io/p/12?utm_source=newsletter&utm_medium=email",
        "https://acme.com/?ref=x&utm_source=twitter",
        "https://site.net/sale?utm_medium=cpc&utm_source=google&utm_campaign=spring",
        "https://blog.dev/post?utm_source=linkedin",
        "https://acme.com/landing?utm_source=facebook&utm_medium=social",
        "https://store.eu/?lang=de&utm_source=partner_42",
        "https://x.org/a?utm_source=bing&utm_campaign=q3",
        "https://shop.io/?utm_campaign=bf&utm_source=instagram",
        "https://news.site/p?id=9&utm_source=rss&utm_medium=feed",
        "https://acme.com/?utm_source=mailchimp",
    ],
    lambda s: re.search(r"utm_source=([^&]*)", s).group(1),
)
task(
    "url-github-owner-repo",
    ["url", "rule: 'owner/repo' from github URL"],
    [
        "https://github.com/torvalds/linux/issues/42",
        "https://github.com/pandas-dev/pandas",
        "https://github.com/rust-lang/rust/pull/10231",
        "https://github.com/psf/requests/blob/main/README.md",
        "https://github.com/numpy/numpy/tree/v1.26.0",
        "https://github.com/facebook/react",
        "https://github.com/golang/go/wiki/Modules",
        "https://github.com/microsoft/vscode/issues",
        "https://github.com/apache/spark/commits/master",
        "https://github.com/django/django",
    ],
    lambda s: "/".join(s.split("/")[3:5]),
)

# ---- phone
task(
    "phone-10digit-to-dots",
    ["phone", "rule: NNNNNNNNNN -> NNN.NNN.NNNN"],
    [
        "5551234567",
        "2125550198",
        "4159870023",
        "3105556789",
        "6175550142",
        "7185550000",
        "9495551212",
        "2065550176",
        "3125559087",
        "8005550199",
    ],
    lambda s: s[:3] + "." + s[3:6] + "." + s[6:],
)
task(
    "phone-fr-digits-to-pairs",
    ["phone", "rule: 10 digits -> pairs separated by spaces"],
    [
        "0612345678",
        "0145678901",
        "0798765432",
        "0478123456",
        "0556987412",
        "0322114455",
        "0699887766",
        "0240506070",
        "0187654321",
        "0708091011",
    ],
    lambda s: " ".join(s[i : i + 2] for i in range(0, 10, 2)),
)


# ---- dates / times
def apache(s):
    m = re.match(r"\[(\d\d)/(\w{3})/(\d{4}):", s)
    return f"{m.group(3)}-{MON.index(m.group(2)) + 1:02d}-{m.group(1)}"


task(
    "log-apache-timestamp-to-iso-date",
    ["dates", "log", "rule: [DD/Mon/YYYY:HH:MM:SS +ZZZZ] -> YYYY-MM-DD"],
    [
        "[12/Mar/2023:14:05:22 +0000]",
        "[01/Nov/2022:00:00:01 +0100]",
        "[28/Feb/2024:23:59:59 -0500]",
        "[07/Jul/2021:09:15:40 +0200]",
        "[30/Sep/2023:18:22:03 +0000]",
        "[15/Jan/2020:11:11:11 -0800]",
        "[04/Dec/2019:06:45:12 +0000]",
        "[22/Aug/2023:13:30:00 +0530]",
        "[09/May/2024:20:01:59 -0300]",
        "[31/Oct/2022:07:07:07 +0000]",
    ],
    apache,
)
task(
    "date-month-year-long-to-ym",
    ["dates", "rule: 'Month YYYY' -> YYYY-MM"],
    [
        "September 2019",
        "March 2021",
        "December 2000",
        "July 2015",
        "January 2023",
        "October 1998",
        "May 2024",
        "August 2011",
        "February 2020",
        "November 2007",
    ],
    lambda s: f"{s.split(' ')[1]}-{MONL.index(s.split(' ')[0]) + 1:02d}",
)


def hms(s):
    h, m, sec = s.split(":")
    return f"{int(h)}h {int(m)}m {int(sec)}s"


task(
    "time-hms-to-h-m-s-label",
    ["time", "rule: HH:MM:SS -> 'Hh Mm Ss' without leading zeros"],
    [
        "01:23:45",
        "00:05:09",
        "12:00:30",
        "02:40:07",
        "10:15:00",
        "00:00:58",
        "03:07:11",
        "07:30:20",
        "00:45:03",
        "11:59:59",
    ],
    hms,
)

# ---- addresses
task(
    "addr-uk-postcode-from-line",
    ["address", "rule: last two space-separated tokens"],
    [
        "10 Downing Street, London SW1A 2AA",
        "221B Baker Street, London NW1 6XE",
        "5 Queen Street, Edinburgh EH2 1JE",
        "14 Deansgate, Manchester M3 2BW",
        "Flat 3, 8 High Street, Oxford OX1 4AA",
        "1 Castle Road, Cardiff CF10 3ER",
        "77 Bold Street, Liverpool L1 4HF",
        "2 Market Square, Cambridge CB2 3QJ",
        "45 Park Row, Leeds LS1 5HD",
        "9 Broad Street, Bristol BS1 2HF",
    ],
    lambda s: " ".join(s.split(" ")[-2:]),
)
task(
    "addr-zip9-to-zip-plus4",
    ["address", "rule: 9 digits -> NNNNN-NNNN"],
    [
        "123456789",
        "021381234",
        "900120001",
        "606115502",
        "331310042",
        "100010003",
        "980042210",
        "021155000",
        "787011234",
        "303080987",
    ],
    lambda s: s[:5] + "-" + s[5:],
)
task(
    "addr-ca-postal-code-format",
    ["address", "rule: uppercase, space after 3rd char"],
    [
        "k1a0b1",
        "m5v3l9",
        "h2x1y4",
        "v6b4y8",
        "t2p2m5",
        "r3c0v8",
        "b3h4r2",
        "s4p3v7",
        "e1c4m3",
        "x1a2l9",
    ],
    lambda s: s[:3].upper() + " " + s[3:].upper(),
)
task(
    "addr-po-box-number",
    ["address", "rule: digits after 'PO Box '"],
    [
        "PO Box 4521, Austin TX",
        "PO Box 17, Boise ID 83701",
        "PO Box 90210, Beverly Hills CA",
        "PO Box 3, Nome AK",
        "PO Box 1288, Portland OR 97207",
        "PO Box 56, Bangor ME",
        "PO Box 702, Tulsa OK 74101",
        "PO Box 10044, Reno NV",
        "PO Box 88, Dover DE",
        "PO Box 3310, Omaha NE 68103",
    ],
    lambda s: re.match(r"PO Box (\d+)", s).group(1),
)

# ---- codes
task(
    "code-sku-slash-size",
    ["code", "rule: third '/'-separated segment"],
    [
        "JKT/NVY/M/2231",
        "TS/BLK/XL/0042",
        "DRS/RED/S/1187",
        "HD/GRY/XXL/3001",
        "SK/WHT/L/0007",
        "PNT/KHK/32/5521",
        "CAP/OLV/OS/0910",
        "SWT/BRG/XS/4412",
        "SHO/BLK/42/7781",
        "JKT/CML/L/0315",
    ],
    lambda s: s.split("/")[2],
)
task(
    "code-version-major-minor",
    ["code", "rule: strip 'v', keep major.minor"],
    [
        "v2.14.3",
        "v1.0.0",
        "v10.2.17",
        "v0.9.1",
        "v3.11.4",
        "v4.0.12",
        "v1.21.0",
        "v12.5.3",
        "v0.1.9",
        "v6.30.2",
    ],
    lambda s: ".".join(s[1:].split(".")[:2]),
)
task(
    "code-mac-address-colons",
    ["code", "rule: 12 hex chars -> pairs joined by ':' (case kept)"],
    [
        "001A2B3C4D5E",
        "A4C3F0851234",
        "F8FFC2001B9D",
        "3C22FB7E6A01",
        "0050569C12AB",
        "B827EB45CD10",
        "DCA6320F1122",
        "7085C2A1B3E4",
        "E45F01AA0B0C",
        "00163E5D9F21",
    ],
    lambda s: ":".join(s[i : i + 2] for i in range(0, 12, 2)),
)
task(
    "code-iban-groups-of-4",
    ["code", "rule: split into groups of 4 separated by spaces"],
    [
        "DE89370400440532013000",
        "GB29NWBK60161331926819",
        "FR1420041010050500013M02606",
        "NL91ABNA0417164300",
        "ES9121000418450200051332",
        "BE68539007547034",
        "IT60X0542811101000000123456",
        "AT611904300234573201",
        "CH9300762011623852957",
        "PL61109010140000071219812874",
    ],
    lambda s: " ".join(s[i : i + 4] for i in range(0, len(s), 4)),
)
task(
    "code-card-mask-last4",
    ["code", "rule: '**** **** **** ' + last 4 digits"],
    [
        "4111 1111 1111 1234",
        "5500 0000 0000 0004",
        "4012 8888 8888 1881",
        "6011 0009 9013 9424",
        "3530 1113 3330 0000",
        "5105 1051 0510 5100",
        "4222 2222 2222 2220",
        "6011 1111 1111 1117",
        "5454 5454 5454 5454",
        "4000 0566 5566 5556",
    ],
    lambda s: "**** **** **** " + s[-4:],
)

# ---- paths
task(
    "path-parent-folder-name",
    ["path", "rule: name of the directory containing the file"],
    [
        "/home/ana/projects/site/index.html",
        "/var/log/nginx/access.log",
        "/etc/ssh/sshd_config",
        "/Users/kenji/Desktop/photos/IMG_0042.JPG",
        "/opt/app/config/settings.yaml",
        "/srv/data/2023/q4/report.csv",
        "/usr/local/bin/python3",
        "/home/li/notes/todo.md",
        "/mnt/backup/db/dump.sql.gz",
        "/tmp/build/out/main.o",
    ],
    lambda s: s.split("/")[-2],
)
task(
    "path-add-thumb-suffix",
    ["path", "rule: insert '_thumb' before the final extension"],
    [
        "photo.jpg",
        "IMG_2043.png",
        "beach-2019.jpeg",
        "avatar.webp",
        "scan.final.tif",
        "logo.svg",
        "cover_art.png",
        "DSC00017.JPG",
        "banner.v2.gif",
        "profile.jpg",
    ],
    lambda s: s[: s.rfind(".")] + "_thumb" + s[s.rfind(".") :],
)
task(
    "path-s3-bucket",
    ["path", "rule: bucket name from s3:// URI"],
    [
        "s3://my-bucket/logs/2023/01/app.log",
        "s3://data-lake-prod/raw/events.parquet",
        "s3://backups/db.tar.gz",
        "s3://acme.assets/img/logo.png",
        "s3://ml-models-eu/bert/v3/model.bin",
        "s3://tmp-scratch/x",
        "s3://reports-2024/q1/summary.pdf",
        "s3://web.static.site/index.html",
        "s3://analytics/exports/users.csv",
        "s3://cdn-origin/js/app.min.js",
    ],
    lambda s: s[5:].split("/")[0],
)
task(
    "path-home-to-tilde",
    ["path", "rule: replace leading /home/<user> with ~"],
    [
        "/home/kenji/docs/a.txt",
        "/home/maria/.bashrc",
        "/home/dev/projects/api/main.go",
        "/home/ana/Downloads/setup.sh",
        "/home/olu/music/playlist.m3u",
        "/home/root2/.ssh/id_rsa.pub",
        "/home/zoe/work/2024/plan.xlsx",
        "/home/pablo/.config/nvim/init.lua",
        "/home/s.kim/notes.md",
        "/home/jenkins/workspace/build.log",
    ],
    lambda s: "~" + s[len("/home/") :][s[len("/home/") :].index("/") :],
)

# ---- logs
task(
    "log-level-bracket",
    ["log", "rule: text inside the first [...]"],
    [
        "2023-04-01 12:00:03 [ERROR] db: connection refused",
        "2023-04-01 12:00:04 [INFO] server started on :8080",
        "2023-04-02 08:15:10 [WARN] disk usage at 91%",
        "2023-04-02 08:15:11 [DEBUG] cache miss key=user:42",
        "2023-04-03 23:59:00 [INFO] nightly job done",
        "2023-04-04 01:02:03 [CRITICAL] out of memory",
        "2023-04-04 06:30:00 [WARN] slow query 2.4s",
        "2023-04-05 10:10:10 [ERROR] timeout calling payments",
        "2023-04-05 10:10:12 [TRACE] retry 1/3",
        "2023-04-06 14:00:00 [INFO] user logout",
    ],
    lambda s: s[s.index("[") + 1 : s.index("]")],
)
task(
    "log-request-path",
    ["log", "rule: path of the quoted HTTP request"],
    [
        '192.168.1.5 - - "GET /index.html HTTP/1.1" 200 5123',
        '10.0.0.7 - bob "POST /api/login HTTP/1.1" 401 87',
        '172.16.4.2 - - "GET /static/css/site.css HTTP/2.0" 304 0',
        '203.0.113.9 - - "DELETE /api/items/42 HTTP/1.1" 204 0',
        '192.168.1.5 - - "GET /favicon.ico HTTP/1.1" 404 209',
        '10.1.2.3 - ana "PUT /api/users/7/profile HTTP/1.1" 200 312',
        '198.51.100.4 - - "GET / HTTP/1.0" 200 1043',
        '10.0.0.9 - - "HEAD /health HTTP/1.1" 200 0',
        '172.16.0.1 - - "GET /search?q=shoes HTTP/1.1" 200 8891',
        '192.0.2.44 - joe "PATCH /api/orders/1009 HTTP/2.0" 200 56',
    ],
    lambda s: s.split('"')[1].split(" ")[1],
)
task(
    "log-kv-user-value",
    ["log", "rule: value of user= field"],
    [
        "ts=1699 user=mkowalski action=login ok=true",
        "action=logout user=jdoe ts=1700",
        "user=admin ts=1701 action=reset",
        "ts=1702 action=upload user=a.nguyen size=3MB",
        "ts=1703 user=svc_backup action=run",
        "ip=10.0.0.2 user=lpetit action=login ok=false",
        "ts=1705 action=delete user=root",
        "user=kim_j action=view ts=1706 page=home",
        "ts=1707 ip=10.0.0.9 user=olivia.b action=login",
        "action=export ts=1708 user=rbanerjee fmt=csv",
    ],
    lambda s: re.search(r"user=(\S+)", s).group(1),
)

# ---- units / currency
task(
    "units-strip-unit",
    ["units", "rule: keep the leading number, drop the space and unit"],
    [
        "250 ml",
        "1.5 L",
        "30 g",
        "12.5 kg",
        "500 mg",
        "2 oz",
        "750 ml",
        "0.33 L",
        "100 g",
        "3.25 lb",
    ],
    lambda s: s.split(" ")[0],
)
task(
    "units-insert-space-before-unit",
    ["units", "rule: insert a space between number and unit letters"],
    ["100mg", "2.5kg", "750ml", "12V", "60Hz", "1.2GB", "45cm", "3mm", "220V", "8.5oz"],
    lambda s: re.sub(r"^([\d.]+)", r"\1 ", s),
)
task(
    "currency-eur-suffix-to-prefix",
    ["currency", "rule: 'N €' -> '€N', number unchanged"],
    [
        "1.234,50 €",
        "99,00 €",
        "12,99 €",
        "250.000,00 €",
        "0,50 €",
        "3.999,95 €",
        "7,25 €",
        "18.400,10 €",
        "1,00 €",
        "645,80 €",
    ],
    lambda s: "€" + s[:-2],
)

# ---- case / whitespace
task(
    "case-snake-to-camel",
    ["case", "rule: snake_case -> camelCase"],
    [
        "customer_first_name",
        "order_id",
        "created_at",
        "is_active",
        "shipping_address_line_2",
        "total",
        "last_login_ip",
        "user_email",
        "max_retry_count",
        "zip_code",
    ],
    lambda s: s.split("_")[0] + "".join(w.capitalize() for w in s.split("_")[1:]),
)
task(
    "case-camel-to-snake",
    ["case", "rule: camelCase -> snake_case"],
    [
        "orderLineItemId",
        "firstName",
        "isDeleted",
        "price",
        "createdAtUtc",
        "shippingCity",
        "userId",
        "maxItemsPerPage",
        "emailVerified",
        "postalCode",
    ],
    lambda s: re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), s),
)


def slug(s):
    s = re.sub(r"[^a-z0-9 ]", "", s.lower())
    return "-".join(s.split())


task(
    "case-title-to-slug",
    ["case", "rule: lowercase, drop punctuation, words joined by '-'"],
    [
        "Hello World: A New Hope!",
        "10 Tips for Better Sleep",
        "What's New in Python 3.12?",
        "Spring Sale - 50% Off",
        "How to Bake Bread",
        "Back to School!",
        "Q3 Results, Explained",
        "Top 5 Hiking Trails",
        "Why Rust? Why Now?",
        "Welcome Back, Friends",
    ],
    slug,
)
task(
    "ws-tsv-to-csv",
    ["whitespace", "rule: tabs -> commas"],
    [
        "a\tb\tc",
        "id\tname\tage",
        "42\tLena\t31",
        "7\tOmar\t\t",
        "x\ty",
        "2024-01-05\t12.50\tEUR",
        "north\t\tsouth",
        "\tleading\tfield",
        "Paris\tFR\t2148000",
        "k\tv",
    ],
    lambda s: s.replace("\t", ","),
)

# ---- conditionals
task(
    "cond-url-secure-label",
    ["cond", "url", "rule: starts with https:// -> 'secure' else 'insecure'"],
    [
        "https://bank.example.com",
        "http://old-site.net",
        "https://shop.io/cart",
        "http://192.168.0.1",
        "https://mail.proton.me",
        "http://httpbin.org/get",
        "https://news.site/a",
        "http://example.com/https",
        "https://api.acme.com/v1",
        "http://intranet/login",
    ],
    lambda s: "secure" if s.startswith("https://") else "insecure",
)
task(
    "cond-tracking-to-status",
    ["cond", "rule: empty tracking number -> 'pending', else 'shipped'"],
    [
        "1Z999AA10123456784",
        "",
        "940010000000000000000",
        "",
        "JD014600003828000000",
        "LX123456789DE",
        "",
        "9205590164917312751089",
        "",
        "RR987654321CN",
    ],
    lambda s: "shipped" if s else "pending",
)
# ---- multi-column
task(
    "mc-display-address",
    ["multi-column", "email", "rule: 'Name <email>'"],
    [
        ("Ada Lovelace", "ada@analytical.org"),
        ("Support", "help@acme.io"),
        ("Jürgen Klein", "j.klein@firma.de"),
        ("Mei Chen", "mei.chen@uni.edu"),
        ("Sales Team", "sales@shop.io"),
        ("Omar Farouk", "omar@farouk.dev"),
        ("Lucía Torres", "lucia@torres.es"),
        ("Ops", "ops@infra.net"),
        ("Kwabena Asante", "k.asante@mail.gh"),
        ("Noah Becker", "noah.b@outlook.com"),
    ],
    lambda n, e: f"{n} <{e}>",
)
task(
    "mc-nickname-or-first",
    ["multi-column", "cond", "rule: nickname if non-empty else first name"],
    [
        ("Robert", "Bob"),
        ("Katherine", ""),
        ("William", "Bill"),
        ("Sofia", ""),
        ("Alexander", "Sasha"),
        ("Margaret", "Peggy"),
        ("Hiroshi", ""),
        ("Elizabeth", "Liz"),
        ("Thomas", ""),
        ("Francesca", "Frankie"),
    ],
    lambda f, n: n if n else f,
)
task(
    "mc-path-join",
    ["multi-column", "path", "rule: dir + '/' + subdir + '/' + file"],
    [
        ("/var/www", "site", "index.html"),
        ("/home/ana", "docs", "cv.pdf"),
        ("/srv", "data", "users.csv"),
        ("/opt/app", "logs", "error.log"),
        ("/tmp", "build", "main.o"),
        ("/etc", "nginx", "nginx.conf"),
        ("/data", "2024", "jan.parquet"),
        ("/mnt/usb", "photos", "IMG_01.jpg"),
        ("/usr/share", "fonts", "Inter.ttf"),
        ("/home/li", "music", "song.mp3"),
    ],
    lambda a, b, c: f"{a}/{b}/{c}",
)
task(
    "mc-url-from-host-path",
    ["multi-column", "url", "rule: 'https://' + host + '/' + path"],
    [
        ("api.example.com", "v2/users"),
        ("shop.io", "cart"),
        ("docs.acme.dev", "guide/install"),
        ("cdn.site.net", "img/logo.png"),
        ("status.acme.com", "incidents/42"),
        ("blog.nordic.no", "2024/03/hello"),
        ("login.bank.eu", "auth"),
        ("files.corp.local", "share/q1.xlsx"),
        ("www.museum.org", "exhibits/modern"),
        ("m.news.jp", "top"),
    ],
    lambda h, p: f"https://{h}/{p}",
)
task(
    "mc-citation-author-year",
    ["multi-column", "names", "rule: 'Last, F. (Year)'"],
    [
        ("Smith", "John", "2019"),
        ("García", "Lucía", "2021"),
        ("Okonkwo", "Chinedu", "2008"),
        ("Müller", "Anna", "2015"),
        ("Chen", "Wei", "2022"),
        ("Dubois", "Pierre", "1999"),
        ("Nakamura", "Yuki", "2017"),
        ("Ivanova", "Elena", "2011"),
        ("Kowalski", "Piotr", "2004"),
        ("Andersen", "Mette", "2023"),
    ],
    lambda last, first, y: f"{last}, {first[0]}. ({y})",
)

SUITE.write(Path(__file__).with_name("fresh.json"), 45)
