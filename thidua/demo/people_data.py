"""Synthetic but realistic people of the demo: names of the Kinh, Hmông, Dao, Giáy and Tày
communities of Sa Pa. Named personas first: tests and the user guide refer to them."""

# (full name, gender, ethnicity code) pools by ethnicity; Hmông 08, Dao 09, Giáy 25, Tày 02, Kinh 01.
NAME_POOL = [
    ("Sùng A Lử", "nam", "08"),
    ("Giàng Thị Mỷ", "nu", "08"),
    ("Thào A Chư", "nam", "08"),
    ("Lồ Thị Sua", "nu", "08"),
    ("Vàng A Dế", "nam", "08"),
    ("Má Thị Mai", "nu", "08"),
    ("Lý Thị Chiều", "nu", "09"),
    ("Tẩn Láo Lở", "nam", "09"),
    ("Phàn Thị Sử", "nu", "09"),
    ("Chảo Láo Tả", "nam", "09"),
    ("Lý Văn Sơn", "nam", "09"),
    ("Tẩn Thị Xá", "nu", "09"),
    ("Hoàng Văn Chiến", "nam", "25"),
    ("Vàng Thị Dung", "nu", "25"),
    ("Lò Văn Thắng", "nam", "25"),
    ("Hoàng Thị Lan", "nu", "25"),
    ("Nông Văn Minh", "nam", "02"),
    ("Hà Thị Thu", "nu", "02"),
    ("Nguyễn Thị Minh Thư", "nu", "01"),
    ("Trần Văn Hùng", "nam", "01"),
    ("Phạm Thị Ngọc Ánh", "nu", "01"),
    ("Lê Minh Đức", "nam", "01"),
    ("Đỗ Thị Hồng Nhung", "nu", "01"),
    ("Bùi Quang Huy", "nam", "01"),
    ("Vũ Thị Phương", "nu", "01"),
    ("Đặng Văn Toàn", "nam", "01"),
    ("Ngô Thị Hà", "nu", "01"),
    ("Phan Văn Long", "nam", "01"),
    ("Hoàng Thị Yến", "nu", "01"),
    ("Đinh Công Thành", "nam", "01"),
]

POSITIONS_UBND = [
    "Chủ tịch UBND",
    "Phó Chủ tịch UBND",
    "Công chức Văn phòng - Thống kê",
    "Công chức Tư pháp - Hộ tịch",
    "Công chức Địa chính - Xây dựng",
    "Công chức Văn hóa - Xã hội",
]
POSITIONS_OFFICE = ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Chuyên viên", "Chuyên viên"]
POSITIONS_SCHOOL = ["Hiệu trưởng", "Phó Hiệu trưởng", "Giáo viên", "Giáo viên", "Giáo viên"]
