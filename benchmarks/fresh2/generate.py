"""The `fresh2` suite: a second set of 45 held-out tasks (written in stop 37), to measure how the
system does on tasks it was never developed against. Each task is a rule (a plain-Python
function) applied to 10 hand-picked inputs; the first 6 examples are `train`, the last 4
`test`. Run: python benchmarks/fresh2/generate.py (writes fresh2.json beside this file)."""

import datetime
import re
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rule_suite import MON, MONL, RuleSuite  # noqa: E402

SUITE = RuleSuite("fresh2")
task = SUITE.task


# ---- names
def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


task(
    "names-strip-accents",
    ["names", "rule: remove diacritics (é -> e, ñ -> n, ...), everything else unchanged"],
    [
        "José Núñez",
        "Anna Schmidt",
        "Zoë Ångström",
        "Chloé Lefèvre",
        "Antonín Dvořák",
        "Çağla Şahin",
        "Nguyễn Thị Hương",
        "Marie-Hélène Dubé",
        "Jürgen Müller",
        "Renée O'Connor",
    ],
    strip_accents,
)
task(
    "names-surname-with-particles",
    ["names", "rule: everything after the first word (keeps van, de, von der, ...)"],
    [
        "Ludwig van Beethoven",
        "Anna Müller",
        "Charles de Gaulle",
        "Ursula von der Leyen",
        "Leonardo da Vinci",
        "Rafael dos Santos",
        "Diego de la Cruz",
        "Omar Al-Masri",
        "Robin van Persie",
        "Mark van den Berg",
    ],
    lambda s: s.split(" ", 1)[1],
)
task(
    "names-salutation-title-last",
    ["names", "rule: 'Dear ' + title + ' ' + last word + ','"],
    [
        "Dr. Anna Schmidt",
        "Mr. James O'Neill",
        "Prof. Kenji Watanabe",
        "Ms. Priya Raman",
        "Mrs. Helen Park",
        "Dr. María José Herrera",
        "Mr. Luc Besson",
        "Prof. Ngozi Okonjo-Iweala",
        "Ms. Jo Li",
        "Dr. Rahul Venkataraman",
    ],
    lambda s: "Dear " + s.split(" ")[0] + " " + s.split(" ")[-1] + ",",
)
task(
    "names-first-given-from-last-comma-first",
    ["names", "rule: first word after ', ' in 'Last, First [Middle]'"],
    [
        "Okafor, Chidi Emeka",
        "Smith, John",
        "García Márquez, Gabriel José",
        "Lindqvist, Astrid",
        "van der Berg, Anna Maria",
        "O'Brien, Seán",
        "Nakamura, Yui",
        "Al-Sayed, Omar Khalid",
        "Dupont-Moreau, Claire",
        "Kowalczyk, Zofia Maria",
    ],
    lambda s: s.split(", ")[1].split(" ")[0],
)

# ---- email
task(
    "email-extract-from-text",
    ["email", "rule: the (first) email address in the text"],
    [
        "Contact: anna.berg@firma.se",
        "Please email support@acme.io for help",
        "Questions? Write to j.doe@example.com.",
        "Sales (sales@nordwind.de) - Mon to Fri",
        "reply-to: noreply+orders@shop.example.co.uk",
        "Send CV to hr@startup.dev by Friday",
        "Ping me: k_tanaka@mail.jp!",
        "Owner: m.rossi@unimi.it (backup: ops@unimi.it)",
        "Email: li.wei@uni.edu.cn",
        "For press: press@bistro-luna.fr or call 01 23 45 67 89",
    ],
    lambda s: re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", s).group(0),
)
task(
    "email-migrate-to-new-domain",
    ["email", "rule: local part + '@northwind.io' (any old domain)"],
    [
        "anna.berg@northwind-traders.com",
        "jlee@nwtraders.co.uk",
        "k.ito@northwind-traders.com",
        "sales@nwlogistics.net",
        "m.garcia@nwtraders.co.uk",
        "p.okafor@northwind-traders.com",
        "support@nwlogistics.net",
        "t.nguyen2@northwind-traders.com",
        "h.schmidt@nw-gmbh.de",
        "li.na@nwtraders.co.uk",
    ],
    lambda s: s.split("@")[0] + "@northwind.io",
)

# ---- url
task(
    "url-origin",
    ["url", "rule: scheme + '://' + host[:port]; drop path, query, fragment"],
    [
        "https://www.example.com/about/team",
        "http://blog.nordic.no/2023/05/hello-world",
        "https://shop.acme.io/cart?item=42",
        "https://docs.python.org/3/library/re.html",
        "https://maps.google.com/?q=paris",
        "http://localhost:8080/api/v1/users",
        "https://en.wikipedia.org/wiki/Spreadsheet#History",
        "https://api.stripe.com/v1/charges",
        "http://intranet.corp.local/hr",
        "https://www.bbc.co.uk/",
    ],
    lambda s: re.match(r"[a-z]+://[^/?#]+", s).group(0),
)
task(
    "url-social-handle",
    ["url", "rule: '@' + first path segment of a twitter/x/instagram profile URL"],
    [
        "https://twitter.com/BBCWorld",
        "https://www.instagram.com/natgeo/",
        "https://x.com/github",
        "https://twitter.com/NASA/status/1712345678901234567",
        "https://www.instagram.com/louvremuseum/",
        "https://x.com/rustlang",
        "https://twitter.com/nytimes",
        "https://x.com/python_tip/status/998877665544",
        "https://www.instagram.com/visit.norway/",
        "https://twitter.com/Wikipedia",
    ],
    lambda s: "@" + s.split("/")[3],
)
task(
    "url-download-file-name",
    ["url", "rule: last path segment, without the query string"],
    [
        "https://cdn.example.com/files/report-2023.pdf",
        "https://downloads.acme.io/v2/setup.exe?token=abc123",
        "https://example.org/media/images/logo.png",
        "https://s3.amazonaws.com/bucket/data/export.csv?X-Amz-Expires=3600&X-Amz-Signature=9f8e",
        "https://files.site.net/q1/Budget_Final.xlsx?dl=1",
        "https://github.com/user/repo/archive/v1.2.0.zip",
        "https://mirror.kernel.org/pub/linux-6.6.tar.xz",
        "https://static.shop.io/docs/manual_EN.pdf?v=7",
        "https://cdn.jsdelivr.net/npm/vue@3.4.0/dist/vue.global.js",
        "https://example.com/download/photo%20album.zip",
    ],
    lambda s: s.split("?")[0].rsplit("/", 1)[1],
)

# ---- phone
task(
    "phone-in-mobile-to-international",
    ["phone", "rule: 10-digit Indian mobile -> '+91 NNNNN NNNNN'"],
    [
        "9876543210",
        "9123456789",
        "8800112233",
        "7012345678",
        "9988776655",
        "6301234567",
        "9004512345",
        "8123409876",
        "7738001122",
        "9845098450",
    ],
    lambda s: "+91 " + s[:5] + " " + s[5:],
)
task(
    "phone-au-mobile-international-to-national",
    ["phone", "rule: '+614XXXXXXXX' -> '04XX XXX XXX'"],
    [
        "+61412345678",
        "+61498765432",
        "+61423111222",
        "+61400555123",
        "+61433876012",
        "+61455001234",
        "+61401987654",
        "+61478240913",
        "+61466123789",
        "+61410000555",
    ],
    lambda s: "0" + s[3:6] + " " + s[6:9] + " " + s[9:],
)
task(
    "phone-br-mobile-format",
    ["phone", "rule: 11 digits -> '(DD) NNNNN-NNNN'"],
    [
        "11987654321",
        "21998877665",
        "31991234567",
        "11912340000",
        "85988112233",
        "41997001234",
        "61981234455",
        "51999887766",
        "71988776655",
        "19996543210",
    ],
    lambda s: "(" + s[:2] + ") " + s[2:7] + "-" + s[7:],
)


# ---- dates / times
def camera(s):
    m = re.search(r"(\d{4})(\d\d)(\d\d)[_-](\d\d)(\d\d)(\d\d)", s)
    return "{}-{}-{} {}:{}:{}".format(*m.groups())


task(
    "date-camera-file-name-to-datetime",
    ["dates", "path", "rule: 'YYYYMMDD_HHMMSS' inside a file name -> 'YYYY-MM-DD HH:MM:SS'"],
    [
        "IMG_20230412_153045.jpg",
        "VID_20221231_235959.mp4",
        "PXL_20240105_081502123.jpg",
        "Screenshot_20230901-101530.png",
        "IMG_20190714_090000.jpg",
        "PXL_20231125_184455789.MP.jpg",
        "VID_20200229_120101.mp4",
        "IMG_20240630_071512_HDR.jpg",
        "Screenshot_20221003-223344.png",
        "IMG_20180101_000512.heic",
    ],
    camera,
)


def mail_date(s):
    m = re.match(r"(\w{3}), (\d{1,2}) (\w{3}) (\d{4}) ", s)
    d = datetime.date(int(m.group(4)), MON.index(m.group(3)) + 1, int(m.group(2)))
    assert d.strftime("%a") == m.group(1), s  # the inputs are real dates
    return d.isoformat()


task(
    "date-email-header-to-iso",
    ["dates", "rule: 'Ddd, D Mon YYYY HH:MM:SS zone' -> YYYY-MM-DD"],
    [
        "Tue, 14 Mar 2023 09:26:53 GMT",
        "Wed, 1 Nov 2023 18:04:11 +0100",
        "Thu, 29 Feb 2024 23:59:59 -0500",
        "Fri, 08 Jul 2022 07:30:00 +0000",
        "Sat, 25 Dec 2021 12:00:00 GMT",
        "Mon, 3 Jun 2024 16:45:09 +0200",
        "Thu, 09 Jan 2020 08:15:42 -0800",
        "Sat, 30 Sep 2023 21:10:05 +0530",
        "Fri, 17 May 2019 10:00:00 GMT",
        "Mon, 6 Jan 2025 06:59:01 +0900",
    ],
    mail_date,
)


def oracle(s):
    y, m, d = s.split("-")
    return f"{d}-{MON[int(m) - 1].upper()}-{y[2:]}"


task(
    "date-iso-to-oracle-dd-mon-yy",
    ["dates", "rule: YYYY-MM-DD -> DD-MON-YY (upper-case month abbreviation)"],
    [
        "2023-03-12",
        "1999-12-31",
        "2024-07-04",
        "2010-01-05",
        "2008-09-15",
        "2021-02-28",
        "1987-10-19",
        "2025-06-01",
        "2016-11-08",
        "2000-04-30",
    ],
    oracle,
)


def ordinal_uk(s):
    m = re.match(r"(\d+)(?:st|nd|rd|th) (\w+) (\d{4})$", s)
    return f"{int(m.group(1)):02d}/{MONL.index(m.group(2)) + 1:02d}/{m.group(3)}"


task(
    "date-british-ordinal-to-dmy-slash",
    ["dates", "rule: 'Dth Month YYYY' -> DD/MM/YYYY"],
    [
        "14th March 2023",
        "1st June 2021",
        "22nd November 2019",
        "3rd January 2024",
        "30th September 2022",
        "2nd February 2020",
        "11th August 2018",
        "23rd April 2025",
        "5th December 2017",
        "31st July 2023",
    ],
    ordinal_uk,
)
task(
    "time-srt-to-vtt-timing-line",
    ["time", "rule: SRT cue timing -> WebVTT: ',' before milliseconds -> '.'"],
    [
        "00:01:02,500 --> 00:01:05,250",
        "00:00:00,000 --> 00:00:02,800",
        "01:12:45,033 --> 01:12:48,900",
        "00:10:09,120 --> 00:10:11,004",
        "00:59:58,999 --> 01:00:01,500",
        "00:00:07,340 --> 00:00:09,010",
        "02:03:04,005 --> 02:03:06,600",
        "00:45:30,250 --> 00:45:33,750",
        "00:03:15,800 --> 00:03:19,100",
        "01:00:00,000 --> 01:00:04,440",
    ],
    lambda s: s.replace(",", "."),
)

# ---- addresses
task(
    "addr-street-name-without-house-number",
    ["address", "rule: drop the trailing house number (last word)"],
    [
        "Hauptstraße 12",
        "Kurfürstendamm 195",
        "Unter den Linden 77",
        "Keizersgracht 123A",
        "Bahnhofstrasse 1",
        "Am Markt 3a",
        "Prinsengracht 263-267",
        "Mariahilfer Straße 88",
        "Lange Voorhout 9",
        "Schönhauser Allee 10b",
    ],
    lambda s: s.rsplit(" ", 1)[0],
)
task(
    "addr-country-from-line",
    ["address", "rule: text after the last ', '"],
    [
        "Rue de Rivoli 10, 75001 Paris, France",
        "1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA",
        "Hauptstraße 5, 10115 Berlin, Germany",
        "2-1-1 Nihonbashi, Chuo-ku, Tokyo 103-0027, Japan",
        "Av. Paulista 1578, São Paulo, SP, Brazil",
        "Plaza Mayor 1, 28012 Madrid, Spain",
        "12 Queen St W, Toronto, ON M5H 2N2, Canada",
        "Keizersgracht 123, 1015 CJ Amsterdam, Netherlands",
        "45 MG Road, Bengaluru 560001, India",
        "Level 3, 100 George St, Sydney NSW 2000, Australia",
    ],
    lambda s: s.rsplit(", ", 1)[1],
)
task(
    "addr-uk-postcode-area",
    ["address", "rule: leading letters of a UK postcode"],
    [
        "SW1A 2AA",
        "M1 1AE",
        "EH1 1YZ",
        "B33 8TH",
        "CR2 6XH",
        "LS1 4AP",
        "W1A 0AX",
        "EC1A 1BB",
        "G2 3DA",
        "BT1 5GS",
    ],
    lambda s: re.match(r"[A-Z]+", s).group(0),
)

# ---- codes
task(
    "code-jira-key-from-title",
    ["code", "rule: issue key before the first ':'"],
    [
        "PROJ-1234: Fix login redirect loop",
        "WEB-87: Update footer links",
        "DATA-3021: Nightly ETL fails on empty file",
        "OPS-5: Rotate TLS certificates",
        "MOBILE-10442: Crash on Android 14 when rotating",
        "AB2-77: Typo in README",
        "INFRA-902: Upgrade Postgres to 16: plan",
        "QA-1500: Regression: search returns 0 results",
        "PAY-31: Refund API returns 500",
        "UX-4088: Dark mode contrast",
    ],
    lambda s: s.split(":")[0],
)
task(
    "code-stock-ticker-from-name",
    ["code", "rule: text inside the parentheses"],
    [
        "Apple Inc. (AAPL)",
        "Berkshire Hathaway Inc. (BRK.B)",
        "Toyota Motor Corp (TM)",
        "Alphabet Inc. Class A (GOOGL)",
        "Nestlé S.A. (NESN.SW)",
        "Royal Bank of Canada (RY.TO)",
        "Microsoft Corporation (MSFT)",
        "Samsung Electronics (005930.KS)",
        "Coca-Cola Co (KO)",
        "Shopify Inc. (SHOP)",
    ],
    lambda s: s[s.index("(") + 1 : s.index(")")],
)
task(
    "code-ipv4-to-subnet-24",
    ["code", "rule: first three octets + '.0/24'"],
    [
        "192.168.1.42",
        "10.0.12.7",
        "172.16.254.1",
        "10.20.30.40",
        "192.168.100.250",
        "8.8.8.8",
        "10.1.0.1",
        "203.0.113.77",
        "172.31.5.199",
        "100.64.3.9",
    ],
    lambda s: s.rsplit(".", 1)[0] + ".0/24",
)
task(
    "code-hex-color-normalize",
    ["code", "cond", "rule: upper-case the hex digits, add a leading '#' if missing"],
    [
        "ff8800",
        "#1a2b3c",
        "00AEEF",
        "#e91e63",
        "#FF0000",
        "2e7d32",
        "#4285F4",
        "c0ffee",
        "#000000",
        "9b59b6",
    ],
    lambda s: "#" + s.lstrip("#").upper(),
)

# ---- paths
task(
    "path-strip-version-suffix",
    ["path", "rule: remove '_vN' just before the extension (if present)"],
    [
        "report_v3.docx",
        "budget_2024_v12.xlsx",
        "logo_v2.png",
        "thesis_final_v7.pdf",
        "minutes_v1.txt",
        "deck_Q3_v10.pptx",
        "contract_acme_v2.pdf",
        "notes.txt",
        "model_v15.blend",
        "invoice_template_v3.xlsx",
    ],
    lambda s: re.sub(r"_v\d+(?=\.[^.]+$)", "", s),
)
task(
    "path-lowercase-extension",
    ["path", "rule: lower-case the text after the last '.', keep the name as is"],
    [
        "IMG_0042.JPG",
        "Report.PDF",
        "holiday photo.Jpeg",
        "notes.txt",
        "DSC_1234.NEF",
        "Budget 2024.XLSX",
        "README.MD",
        "scan.final.TIFF",
        "Track01.MP3",
        "archive.tar.GZ",
    ],
    lambda s: s[: s.rfind(".")] + s[s.rfind(".") :].lower(),
)
task(
    "path-python-file-to-module",
    ["path", "rule: drop '.py', '/' -> '.'"],
    [
        "app/models/user.py",
        "utils.py",
        "tests/test_api.py",
        "myproj/core/db/session.py",
        "scripts/migrate_2024.py",
        "app/api/v2/routes.py",
        "analytics/reports/weekly_summary.py",
        "cli.py",
        "pkg/sub_pkg/helpers.py",
        "services/email/templates/render.py",
    ],
    lambda s: s[: -len(".py")].replace("/", "."),
)

# ---- units
task(
    "units-dimensions-first-value",
    ["units", "rule: the first number of 'W x H [x D] unit'"],
    [
        "120 x 60 x 75 cm",
        "30x20x10 cm",
        "45.5 x 30 x 2 cm",
        "8.5 x 11 in",
        "1200x800x150 mm",
        "16 x 9 x 3.5 in",
        "60 x 60 cm",
        "2.4 x 1.2 m",
        "300x200x100mm",
        "210 x 297 mm",
    ],
    lambda s: re.match(r"[\d.]+", s).group(0),
)
task(
    "units-resolution-to-p-label",
    ["units", "rule: 'WxH' -> H + 'p'"],
    [
        "1920x1080",
        "1280x720",
        "3840x2160",
        "854x480",
        "2560x1440",
        "640x360",
        "7680x4320",
        "1440x1080",
        "720x576",
        "426x240",
    ],
    lambda s: s.split("x")[1] + "p",
)
task(
    "units-feet-inches-to-words",
    ["units", "rule: F'I\" -> 'F ft I in'"],
    [
        "5'11\"",
        "6'0\"",
        "5'4\"",
        "6'2\"",
        "5'10\"",
        "4'11\"",
        "6'5\"",
        "5'0\"",
        "5'7\"",
        "6'10\"",
    ],
    lambda s: re.sub(r"(\d+)'(\d+)\"", r"\1 ft \2 in", s),
)

# ---- money / numbers
task(
    "money-salary-k-to-number",
    ["currency", "rule: '$Nk' -> N * 1000 as a plain integer"],
    [
        "$85k",
        "$120k",
        "$92.5k",
        "$45k",
        "$150k",
        "$67.8k",
        "$200k",
        "$38k",
        "$110.25k",
        "$72k",
    ],
    lambda s: str(int(Decimal(s[1:-1]) * 1000)),
)


def indian(s):
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join(groups + [tail])


task(
    "money-indian-digit-grouping",
    ["currency", "numbers", "rule: Indian grouping: last 3 digits, then groups of 2"],
    [
        "1234567",
        "250000",
        "9999",
        "15000000",
        "875",
        "48250",
        "100000",
        "3456789012",
        "72000",
        "5500000",
    ],
    indian,
)
task(
    "money-trailing-minus-to-leading",
    ["currency", "cond", "rule: a trailing '-' moves to the front; otherwise unchanged"],
    [
        "125.00-",
        "89.90",
        "1,250.00-",
        "3,400.75",
        "12.00-",
        "0.99",
        "45,000.00-",
        "7.25-",
        "610.40",
        "100.00",
    ],
    lambda s: "-" + s[:-1] if s.endswith("-") else s,
)

# ---- case / whitespace
task(
    "case-upper-to-sentence",
    ["case", "rule: first character upper-case, the rest lower-case"],
    [
        "THE ORDER HAS SHIPPED",
        "PLEASE CALL BACK TOMORROW",
        "PAYMENT RECEIVED, THANK YOU",
        "ITEM OUT OF STOCK",
        "DELIVERY DELAYED DUE TO WEATHER",
        "WRONG SIZE - EXCHANGE REQUESTED",
        "2 BOXES DAMAGED IN TRANSIT",
        "LEFT AT FRONT DOOR",
        "ADDRESS CONFIRMED BY PHONE",
        "GIFT WRAP: YES",
    ],
    lambda s: s.capitalize(),
)
task(
    "case-label-to-constant",
    ["case", "rule: upper-case, spaces -> '_'"],
    [
        "max retry count",
        "Database URL",
        "api key",
        "Log Level",
        "default page size",
        "Smtp Host",
        "cache ttl seconds",
        "Feature Flag V2",
        "s3 bucket name",
        "timeout",
    ],
    lambda s: s.upper().replace(" ", "_"),
)
task(
    "ws-normalize-comma-list",
    ["whitespace", "rule: items split on ',', trimmed, joined by ', '"],
    [
        "red,green ,  blue",
        "python , sql,excel",
        "  cotton,linen  ",
        "apples, pears,plums",
        "a,b",
        "New York ,London,  Tokyo",
        "vegan , gluten-free",
        "XS,S , M,L, XL",
        "wifi",
        "parking ,  pool,gym , spa",
    ],
    lambda s: ", ".join(p.strip() for p in s.split(",")),
)

# ---- conditionals
task(
    "cond-uk-phone-mobile-or-landline",
    ["cond", "phone", "rule: starts with '07' -> 'mobile' else 'landline'"],
    [
        "07700 900123",
        "020 7946 0018",
        "0161 496 0752",
        "07911 123456",
        "0131 496 0000",
        "07384 555019",
        "01632 960983",
        "07481 222333",
        "029 2018 0123",
        "0113 496 0345",
    ],
    lambda s: "mobile" if s.startswith("07") else "landline",
)
DEPT = {"EL": "Electronics", "HW": "Hardware", "GR": "Grocery"}
task(
    "cond-sku-prefix-to-department",
    ["cond", "code", "rule: EL -> Electronics, HW -> Hardware, GR -> Grocery (by prefix)"],
    [
        "EL-20431",
        "GR-00912",
        "HW-5510",
        "EL-00017",
        "HW-0042",
        "GR-12000",
        "EL-99811",
        "HW-7310",
        "GR-00005",
        "EL-31415",
    ],
    lambda s: DEPT[s[:2]],
)


def tld_kind(s):
    if s.endswith(".edu"):
        return "education"
    if s.endswith(".gov"):
        return "government"
    return "other"


task(
    "cond-domain-edu-gov-other",
    ["cond", "url", "rule: ends .edu -> 'education', .gov -> 'government', else 'other'"],
    [
        "www.stanford.edu",
        "data.census.gov",
        "www.ikea.com",
        "cs.cmu.edu",
        "nasa.gov",
        "github.com",
        "wikipedia.org",
        "berkeley.edu",
        "www.whitehouse.gov",
        "news.ycombinator.com",
    ],
    tld_kind,
)
task(
    "cond-shipment-domestic-international",
    ["cond", "multi-column", "rule: same country -> 'domestic' else 'international'"],
    [
        ("US", "US"),
        ("US", "CA"),
        ("DE", "FR"),
        ("GB", "GB"),
        ("JP", "JP"),
        ("FR", "DE"),
        ("BR", "BR"),
        ("IN", "AE"),
        ("AU", "NZ"),
        ("CA", "CA"),
    ],
    lambda a, b: "domestic" if a == b else "international",
)

# ---- multi-column
task(
    "mc-product-title",
    ["multi-column", "rule: 'Brand Model (Color)'"],
    [
        ("Apple", "iPhone 15 Pro", "Natural Titanium"),
        ("Sony", "WH-1000XM5", "Black"),
        ("Samsung", "Galaxy S24", "Cobalt Violet"),
        ("Dyson", "V15 Detect", "Yellow/Nickel"),
        ("Logitech", "MX Master 3S", "Graphite"),
        ("Nintendo", "Switch OLED", "White"),
        ("Bose", "QuietComfort Ultra", "Sandstone"),
        ("Google", "Pixel 8a", "Bay"),
        ("Lenovo", "ThinkPad X1 Carbon Gen 12", "Black"),
        ("Canon", "EOS R6 Mark II", "Black"),
    ],
    lambda b, m, c: f"{b} {m} ({c})",
)
task(
    "mc-dimensions-w-h-d-cm",
    ["multi-column", "units", "rule: 'W x H x D cm'"],
    [
        ("120", "60", "75"),
        ("45.5", "30", "2"),
        ("200", "90", "40"),
        ("30", "30", "30"),
        ("80", "200", "60"),
        ("15", "10.5", "3"),
        ("160", "75", "74"),
        ("9", "9", "12"),
        ("240", "100", "85"),
        ("35.5", "24", "1.8"),
    ],
    lambda w, h, d: f"{w} x {h} x {d} cm",
)
task(
    "mc-invoice-number-year-seq",
    ["multi-column", "code", "rule: 'INV-' + year + '-' + sequence zero-padded to 4"],
    [
        ("2023", "42"),
        ("2024", "7"),
        ("2023", "1138"),
        ("2022", "305"),
        ("2024", "12"),
        ("2021", "9001"),
        ("2024", "3"),
        ("2023", "560"),
        ("2022", "78"),
        ("2025", "1"),
    ],
    lambda y, n: f"INV-{y}-{int(n):04d}",
)
task(
    "mc-markdown-link",
    ["multi-column", "url", "rule: '[text](url)'"],
    [
        ("Python docs", "https://docs.python.org/3/"),
        ("Home", "https://example.com"),
        ("Q3 report (PDF)", "https://files.acme.io/q3.pdf"),
        ("Jira board", "https://acme.atlassian.net/jira/software/projects/WEB/boards/4"),
        ("Design spec v2", "https://www.figma.com/file/abc123/spec"),
        ("Contact us", "mailto:hello@acme.io"),
        ("RFC 9110", "https://www.rfc-editor.org/rfc/rfc9110"),
        ("Wikipedia: Spreadsheet", "https://en.wikipedia.org/wiki/Spreadsheet"),
        ("Status", "https://status.acme.io"),
        ("Changelog", "https://github.com/acme/app/blob/main/CHANGELOG.md"),
    ],
    lambda t, u: f"[{t}]({u})",
)
task(
    "mc-maps-url-from-lat-lon",
    ["multi-column", "url", "rule: 'https://www.google.com/maps?q=' + lat + ',' + lon"],
    [
        ("48.8584", "2.2945"),
        ("40.6892", "-74.0445"),
        ("-33.8568", "151.2153"),
        ("35.6586", "139.7454"),
        ("51.5007", "-0.1246"),
        ("-22.9519", "-43.2105"),
        ("27.1751", "78.0421"),
        ("41.8902", "12.4922"),
        ("37.8199", "-122.4783"),
        ("64.1466", "-21.9426"),
    ],
    lambda lat, lon: f"https://www.google.com/maps?q={lat},{lon}",
)

SUITE.write(Path(__file__).with_name("fresh2.json"), 45)
