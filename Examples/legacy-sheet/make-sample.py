"""Writes the legacy-encoded sample lists of this folder (run from the repository root):

    .build/venv/bin/python Examples/legacy-sheet/make-sample.py

danh-sach-cu.xlsx: a commune's product list as an old workbook keeps it: names typed in .VnTime
(TCVN3/ABC), .VnTimeH (TCVN3 capitals) and VNI-Times, one row in Unicode. Shown in a Unicode program
the legacy cells read "ChÌ lam Phñ Qu¶ng" or "Baùnh ña"; `dinh import products` converts them.
danh-sach-tcvn3.csv: the same list as a CSV file of TCVN3 bytes, as old programs saved it.
The legacy strings below are the fonts' bytes shown as Windows-1252, as Excel stores them.
"""
import datetime, os, re, zipfile
import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
TCVN3, CAPS, VNI = Font(name=".VnTime"), Font(name=".VnTimeH"), Font(name="VNI-Times")

HEADER = ["Tên sản phẩm", "Giá", "Số sao OCOP", "Năm công nhận", "Nhóm", "HTX"]
ROWS = [
    # Chè lam Phủ Quảng, 45.000đ, Thực phẩm, HTX Chè lam Hà Trung, in .VnTime
    [("ChÌ lam Phñ Qu¶ng", TCVN3), ("45.000®", TCVN3), (4, None), (2023, None), ("Thùc phÈm", TCVN3), ("HTX ChÌ lam Hµ Trung", TCVN3)],
    # Bánh đa vừng Hà Trung, Thực phẩm, in VNI-Times
    [("Baùnh ña vöøng Haø Trung", VNI), (30000, None), (3, None), (2024, None), ("Thöïc phaåm", VNI), ("HTX Cheø lam Haø Trung", VNI)],
    # MIẾN DONG ĐAN PHƯỢNG in .VnTimeH: lower-case bytes drawn as capitals
    [("miÕn dong §an Ph­îng", CAPS), (55000, None), (3, None), (2022, None), ("Thực phẩm", None), ("HTX Nông nghiệp Đan Phượng", None)],
    # Unicode, left as it is
    [("Giỏ tre Liên Hà", None), (120000, None), (3, None), (2023, None), ("Thủ công mỹ nghệ", None), ("HTX Nông nghiệp Đan Phượng", None)],
]

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "San pham"
ws.append(HEADER)
for row in ROWS:
    ws.append([value for value, _ in row])
    for column, (_, font) in enumerate(row, start=1):
        if font is not None:
            ws.cell(row=ws.max_row, column=column).font = font
fixed = datetime.datetime(2024, 1, 1)
wb.properties.created = wb.properties.modified = fixed
path = os.path.join(HERE, "danh-sach-cu.xlsx")
wb.save(path)
# Same bytes on every run: fixed times inside the zip and in docProps/core.xml.
with zipfile.ZipFile(path) as source:
    parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
    for name, data in parts:
        if name == "docProps/core.xml":
            data = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                          b'<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>', data)
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        target.writestr(info, data)

# TCVN3 bytes: the .VnTime strings are already the bytes' Windows-1252 letters.
csv = ["Tªn s¶n phÈm;Gi¸;Sè sao OCOP;N¨m c«ng nhËn;Nhãm;HTX",
       "ChÌ lam Phñ Qu¶ng;45.000®;4;2023;Thùc phÈm;HTX ChÌ lam Hµ Trung",
       "B¸nh ®a võng Hµ Trung;30000;3;2024;Thùc phÈm;HTX ChÌ lam Hµ Trung"]
with open(os.path.join(HERE, "danh-sach-tcvn3.csv"), "wb") as out:
    out.write(("\r\n".join(csv) + "\r\n").encode("cp1252"))
