"""Texts of the demo news section: reporters, tags and 18 stories about Kon Tum's 2020
emulation cycle (Plan 2297/KH-UBND, the honouring conferences by level, the VIIIth provincial
patriotic emulation congress on 22/10/2020).

People, cooperatives, companies and figures in the stories are fictional; every story ends with
``DEMO_NOTE``. Body blocks are StreamField raw data; an image block carries only its caption and
credit here, and ``news.demo`` draws and attaches the picture.
"""


def P(html):
    return {"type": "paragraph", "value": f"<p>{html}</p>"}


def H(text):
    return {"type": "heading", "value": text}


def Q(text, attribution):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def IMG(caption, credit):
    return {"type": "image", "value": {"caption": caption, "credit": credit}}


DEMO_NOTE = P(
    "<em>Bài viết mẫu phục vụ trình diễn website. Nhân vật, một số đơn vị và số liệu trong bài "
    "là hư cấu; ảnh là ảnh minh họa.</em>"
)

NEWS_INDEX_INTRO = (
    "Tin tức thời sự, phong trào thi đua yêu nước và những gương điển hình tiên tiến "
    "trên mọi miền Kon Tum."
)

REPORTERS = [
    {
        "name": "Nguyễn Thị Thu Hà",
        "role": "Biên tập viên",
        "bio": "Biên tập viên Ban Thời sự, phụ trách chuyên mục Thi đua – Khen thưởng. Hơn 15 năm "
        "theo chân các điển hình tiên tiến ở vùng cao Kon Tum.",
    },
    {
        "name": "Trần Minh Đức",
        "role": "Phóng viên",
        "bio": "Phóng viên thời sự, theo dõi hoạt động của HĐND, UBND tỉnh và các hội nghị, "
        "sự kiện lớn của địa phương.",
    },
    {
        "name": "Y Nhung",
        "role": "Phóng viên",
        "bio": "Phóng viên người Xơ Đăng, thực hiện chương trình phát thanh tiếng dân tộc và các "
        "phóng sự về đời sống đồng bào vùng sâu, vùng xa.",
    },
    {
        "name": "A Tuấn",
        "role": "Cộng tác viên",
        "bio": "Cộng tác viên người Ba Na ở huyện Kon Rẫy, thường xuyên gửi tin, ảnh về những "
        "người tốt việc tốt ở các làng phía Đông của tỉnh.",
    },
    {
        "name": "Lê Hoàng Phúc",
        "role": "Phóng viên",
        "bio": "Phóng viên kinh tế, theo dõi doanh nghiệp, hợp tác xã, chương trình xây dựng nông "
        "thôn mới và giảm nghèo bền vững.",
    },
    {
        "name": "Phạm Thị Ngọc Lan",
        "role": "Biên tập viên",
        "bio": "Biên tập viên trang điện tử, phụ trách chuyên mục Giáo dục – Y tế.",
    },
]

TAGS = [
    "Thi đua yêu nước",
    "Điển hình tiên tiến",
    "Đại hội thi đua",
    "Khen thưởng",
    "Nông thôn mới",
    "Giảm nghèo",
    "Giáo dục",
    "Y tế",
    "Doanh nghiệp",
    "Lao động sáng tạo",
    "Dân vận khéo",
    "Người tốt việc tốt",
    "Văn hóa công sở",
    "Cải cách hành chính",
    "Học tập và làm theo Bác",
    "Dân tộc thiểu số",
    "Phụ nữ",
    "Cựu chiến binh",
    "Biên giới",
    "Sâm Ngọc Linh",
    "Thành phố Kon Tum",
    "Đăk Hà",
    "Đăk Tô",
    "Ngọc Hồi",
    "Đăk Glei",
    "Sa Thầy",
    "Kon Rẫy",
    "Kon Plông",
    "Tu Mơ Rông",
    "Ia H'Drai",
]

STORIES = [
    {
        "key": "ke-hoach-2297",
        "title": "Kon Tum triển khai kế hoạch tôn vinh điển hình tiên tiến, hướng tới Đại hội "
        "Thi đua yêu nước lần thứ VIII",
        "lead": "Theo Kế hoạch số 2297/KH-UBND của UBND tỉnh, từ tháng 3 đến tháng 6/2020, các "
        "cấp, các ngành và doanh nghiệp trên địa bàn sẽ tổ chức hội nghị biểu dương, tuyên dương "
        "điển hình tiên tiến, tiến tới Đại hội Thi đua yêu nước tỉnh lần thứ VIII.",
        "date": (2020, 1, 10, 8, 30),
        "reporters": ["Trần Minh Đức"],
        "tags": ["Thi đua yêu nước", "Đại hội thi đua", "Điển hình tiên tiến", "Khen thưởng"],
        "image_caption": "Các cấp, các ngành tỉnh Kon Tum bước vào đợt tổng kết phong trào thi "
        "đua yêu nước giai đoạn 2015–2020.",
        "image_credit": "Trần Minh Đức",
        "body": [
            P(
                "Kế hoạch nhằm đánh giá toàn diện kết quả phong trào thi đua yêu nước và công tác "
                "khen thưởng kể từ Đại hội Thi đua yêu nước tỉnh lần thứ VII (năm 2015); phát "
                "hiện, lựa chọn và tôn vinh những tập thể, cá nhân tiêu biểu trên các lĩnh vực; "
                "qua đó rút ra bài học kinh nghiệm, đề ra phương hướng, nhiệm vụ cho giai đoạn "
                "2020–2025."
            ),
            H("Ba hình thức hội nghị theo từng cấp"),
            P(
                "Theo kế hoạch, các xã, phường, thị trấn tổ chức <strong>Hội nghị biểu dương "
                "người tốt việc tốt</strong>; các huyện, thành phố và các sở, ban, ngành, đoàn "
                "thể của tỉnh tổ chức <strong>Hội nghị tuyên dương điển hình tiên tiến</strong>; "
                "các doanh nghiệp tổ chức <strong>Hội nghị biểu dương những người lao động giỏi, "
                "lao động sáng tạo</strong>. Các hội nghị diễn ra từ tháng 3 đến tháng 6/2020, "
                "bảo đảm thiết thực, tiết kiệm, tránh phô trương, hình thức."
            ),
            P(
                "Đại hội Thi đua yêu nước tỉnh lần thứ VIII dự kiến tổ chức vào tháng 9/2020. Đây "
                "là dịp tôn vinh các tập thể, cá nhân tiêu biểu, đồng thời lựa chọn những gương "
                "mặt xuất sắc nhất tham dự Đại hội Thi đua yêu nước toàn quốc lần thứ X."
            ),
            H("Chú trọng điển hình ở cơ sở"),
            P(
                "Kế hoạch yêu cầu quan tâm phát hiện điển hình là công nhân, nông dân, người lao "
                "động trực tiếp, người dân tộc thiểu số, đoàn viên thanh niên và những người đang "
                "công tác ở vùng sâu, vùng xa, biên giới. Nội dung tổng kết gắn với các phong trào "
                "lớn: “Cả nước chung sức xây dựng nông thôn mới”, “Vì người nghèo – Không để ai bị "
                "bỏ lại phía sau”, “Doanh nghiệp Việt Nam hội nhập và phát triển”, xây dựng văn "
                "hóa công sở và việc học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."
            ),
            Q(
                "Điển hình phải được phát hiện từ cơ sở, từ chính những việc làm cụ thể trong lao "
                "động, sản xuất và đời sống hằng ngày. Mỗi gương người tốt việc tốt được tôn vinh "
                "đúng lúc sẽ lan tỏa thành phong trào.",
                "Ông Hoàng Văn Sơn, cán bộ Ban Thi đua – Khen thưởng tỉnh",
            ),
        ],
    },
    {
        "key": "co-giao-y-lien",
        "title": "Cô giáo Ba Na 9X giữ lửa lớp mẫu giáo cuối làng",
        "lead": "Sinh năm 1995, cô giáo Y Liên, dân tộc Ba Na, đã gần 5 năm gắn bó với lớp mẫu "
        "giáo ở điểm trường cuối làng, kiên trì vận động từng gia đình đưa trẻ đến lớp.",
        "date": (2020, 2, 18, 7, 15),
        "reporters": ["Phạm Thị Ngọc Lan", "Y Nhung"],
        "tags": ["Giáo dục", "Điển hình tiên tiến", "Dân tộc thiểu số", "Thành phố Kon Tum"],
        "image_caption": "Giờ học của các cháu ở điểm trường làng Kon Jơ Ri, xã Ia Chim.",
        "image_credit": "Y Nhung",
        "body": [
            P(
                "Bảy giờ sáng, khi sương còn phủ trên những rẫy mì, cô giáo Y Liên đã có mặt ở "
                "điểm trường làng Kon Jơ Ri, xã Ia Chim, thành phố Kon Tum. Lớp học của cô có 26 "
                "cháu từ 3 đến 5 tuổi, hầu hết là con em đồng bào Ba Na; nhiều cháu lần đầu đến "
                "lớp chưa nói được tiếng Việt."
            ),
            P(
                "Sinh năm 1995 tại chính ngôi làng này, Y Liên là một trong những người đầu tiên "
                "của làng tốt nghiệp cao đẳng sư phạm mầm non. Năm 2015, cô xin về dạy ở điểm "
                "trường lẻ của Trường Mầm non Hoa Pơ Lang, dù có cơ hội công tác ở trường trung "
                "tâm."
            ),
            H("Dạy tiếng Việt bằng tiếng mẹ đẻ"),
            P(
                "Để các cháu mạnh dạn, cô Liên dùng song song tiếng Ba Na và tiếng Việt, sưu tầm "
                "bài hát, câu đố của làng, tự làm đồ dùng dạy học từ ống tre, quả bầu khô, vỏ "
                "bắp. Những buổi chiều, cô đến từng nhà nhắc cha mẹ cho con đi học đều, hướng dẫn "
                "các bà mẹ trẻ cách chuẩn bị bữa ăn đủ chất."
            ),
            P(
                "Nhờ sự kiên trì ấy, tỷ lệ trẻ ra lớp ở điểm trường đạt 100%, các cháu 5 tuổi đều "
                "hoàn thành chương trình và sẵn sàng vào lớp 1. Năm học 2018–2019, cô đạt danh "
                "hiệu Chiến sĩ thi đua cơ sở và được Chủ tịch UBND thành phố tặng Giấy khen."
            ),
            Q(
                "Các cháu ở làng thông minh lắm. Chỉ cần mình kiên nhẫn, nói bằng tiếng của các "
                "cháu, thì các cháu sẽ thương trường, thương lớp.",
                "Cô giáo Y Liên",
            ),
        ],
    },
    {
        "key": "gia-lang-a-hrin",
        "title": "Già làng Xơ Đăng hiến đất, dẫn dân làng mở đường nông thôn mới",
        "lead": "Không chỉ hiến gần 600 m² đất vườn, già làng A Hrin ở huyện Kon Plông còn đến "
        "từng nhà vận động bà con góp công, góp đất để con đường bê tông về làng khởi công đúng "
        "hẹn.",
        "date": (2020, 3, 5, 9, 0),
        "reporters": ["A Tuấn", "Y Nhung"],
        "tags": [
            "Nông thôn mới",
            "Người tốt việc tốt",
            "Dân tộc thiểu số",
            "Kon Plông",
            "Điển hình tiên tiến",
        ],
        "image_caption": "Già làng A Hrin (giữa) trao đổi với bà con thôn Kon Vơng về việc "
        "giữ gìn con đường mới.",
        "image_credit": "A Tuấn",
        "body": [
            P(
                "Con đường dài hơn 1,2 km nối trung tâm xã Đăk Ring với thôn Kon Vơng từng là nỗi "
                "ám ảnh của bà con mỗi mùa mưa. Đất đỏ trơn trượt, xe máy không qua được, nông sản "
                "làm ra phải gùi bộ hàng giờ mới tới điểm thu mua."
            ),
            P(
                "Khi huyện có chủ trương hỗ trợ xi măng làm đường theo phương châm “Nhà nước và "
                "nhân dân cùng làm”, già làng A Hrin, năm nay 68 tuổi, là người đầu tiên tự tháo "
                "dỡ hàng rào, hiến gần 600 m² đất vườn cà phê để mở rộng mặt đường."
            ),
            H("Nói để dân tin, làm để dân theo"),
            P(
                "Già A Hrin cùng chi bộ thôn tổ chức nhiều buổi họp làng, giải thích bằng tiếng "
                "Xơ Đăng lợi ích của con đường. Với những hộ còn băn khoăn, già đến tận nhà, ngồi "
                "bên bếp lửa kể chuyện những làng đã có đường bê tông: hàng hóa ra vào thuận lợi, "
                "con cháu đi học không còn lấm bùn. Sau một tháng, cả 37 hộ có đất dọc tuyến đều "
                "đồng thuận."
            ),
            IMG(
                "Đoạn đường bê tông mới hoàn thành dẫn vào thôn Kon Vơng, xã Đăk Ring.",
                "Ảnh: A Tuấn",
            ),
            P(
                "Bà con góp hơn 800 ngày công, tự chặt cây, san nền, trộn bê tông. Con đường hoàn "
                "thành trước mùa mưa năm 2019, góp phần giúp xã đạt tiêu chí giao thông trong bộ "
                "tiêu chí quốc gia về xã nông thôn mới."
            ),
            Q(
                "Đường là của làng mình, con cháu mình đi. Mình già rồi, còn sức thì làm, còn đất "
                "thì góp.",
                "Già làng A Hrin",
            ),
            P(
                "Với những đóng góp đó, già làng A Hrin được UBND xã biểu dương tại Hội nghị biểu "
                "dương người tốt việc tốt năm 2020 và là một trong những gương tiêu biểu của phong "
                "trào “Cả nước chung sức xây dựng nông thôn mới” ở huyện Kon Plông."
            ),
        ],
    },
    {
        "key": "dan-van-kheo-ia-hdrai",
        "title": "“Dân vận khéo” giúp người dân nơi biên giới Ia H'Drai an cư",
        "lead": "Gần 4 năm làm công chức tư pháp – hộ tịch ở xã Ia Tơi, huyện Ia H'Drai, chị "
        "Hoàng Thị Mai đã cùng các đoàn thể giúp hàng trăm hộ dân từ nhiều nơi đến lập nghiệp "
        "hoàn thiện giấy tờ, ổn định cuộc sống.",
        "date": (2020, 3, 20, 10, 0),
        "reporters": ["Lê Hoàng Phúc", "A Tuấn"],
        "tags": ["Dân vận khéo", "Ia H'Drai", "Biên giới", "Học tập và làm theo Bác"],
        "image_caption": "Chị Hoàng Thị Mai (bên phải) hướng dẫn người dân làm thủ tục đăng ký "
        "khai sinh ngay tại thôn.",
        "image_credit": "Lê Hoàng Phúc",
        "body": [
            P(
                "Ia H'Drai là huyện biên giới được thành lập năm 2015, phần lớn cư dân là những "
                "hộ từ nhiều tỉnh, thành đến khai hoang, lập nghiệp. Khi chị Hoàng Thị Mai nhận "
                "công tác ở xã Ia Tơi năm 2016, không ít gia đình chưa có sổ hộ khẩu, nhiều trẻ "
                "em chưa được đăng ký khai sinh nên gặp khó khăn khi vào lớp 1."
            ),
            H("Mang thủ tục đến tận thôn"),
            P(
                "Thay vì ngồi chờ ở trụ sở, chị Mai đề xuất lịch làm việc lưu động vào cuối tuần. "
                "Cùng Hội Phụ nữ, Đoàn Thanh niên và trưởng thôn, chị đến từng khu dân cư rà soát, "
                "hướng dẫn bà con chuẩn bị giấy tờ, viết hộ đơn cho người không biết chữ. Những "
                "trường hợp phức tạp, chị chủ động liên hệ với địa phương nơi người dân chuyển đi "
                "để xác minh."
            ),
            P(
                "Trong 4 năm, xã đã đăng ký khai sinh cho hơn 300 trẻ em, giúp gần 200 hộ đăng ký "
                "thường trú. Có giấy tờ, bà con được vay vốn ưu đãi, tham gia bảo hiểm y tế; trẻ "
                "em được đến trường đúng độ tuổi."
            ),
            Q(
                "Bà con đi làm rẫy từ sáng sớm tới tối mịt, mình không xuống thôn thì bà con "
                "không có thời gian lên xã. Dân vận khéo, với tôi, trước hết là biết chọn đúng "
                "lúc, đúng chỗ để giúp dân.",
                "Chị Hoàng Thị Mai, công chức Tư pháp – Hộ tịch xã Ia Tơi",
            ),
            P(
                "Mô hình “Tư pháp lưu động cuối tuần” của xã Ia Tơi được Ban Dân vận Huyện ủy "
                "đánh giá là mô hình “Dân vận khéo” tiêu biểu, gắn với việc học tập và làm theo "
                "tư tưởng, đạo đức, phong cách Hồ Chí Minh."
            ),
        ],
    },
    {
        "key": "htx-sam-ngoc-linh",
        "title": "Hợp tác xã sâm Ngọc Linh: làm giàu từ “quốc bảo” dưới tán rừng",
        "lead": "Từ 9 thành viên ban đầu, Hợp tác xã Dược liệu Măng Ri Xanh ở huyện Tu Mơ Rông "
        "nay đã có hơn 40 hộ tham gia, trồng sâm Ngọc Linh dưới tán rừng theo quy trình sạch, "
        "tạo việc làm ổn định cho đồng bào Xơ Đăng.",
        "date": (2020, 4, 8, 8, 0),
        "reporters": ["Lê Hoàng Phúc", "Y Nhung"],
        "tags": [
            "Sâm Ngọc Linh",
            "Doanh nghiệp",
            "Giảm nghèo",
            "Tu Mơ Rông",
            "Điển hình tiên tiến",
        ],
        "image_caption": "Vườn sâm Ngọc Linh dưới tán rừng nguyên sinh của Hợp tác xã Dược liệu "
        "Măng Ri Xanh.",
        "image_credit": "Lê Hoàng Phúc",
        "body": [
            P(
                "Ở độ cao trên 1.800 m, những luống sâm Ngọc Linh xanh mướt nằm lặng lẽ dưới tán "
                "rừng già. Mỗi sáng, các thành viên Hợp tác xã Dược liệu Măng Ri Xanh lại chia "
                "nhau kiểm tra độ ẩm, làm cỏ, thay lớp lá mục phủ gốc — những công việc tỉ mỉ mà "
                "cây sâm đòi hỏi suốt nhiều năm trước khi cho thu hoạch."
            ),
            P(
                "Hợp tác xã được thành lập năm 2016 với 9 thành viên, do anh A Vinh, người Xơ "
                "Đăng, làm giám đốc. Các hộ góp đất rừng được giao khoán bảo vệ; hợp tác xã cung "
                "cấp cây giống có nguồn gốc rõ ràng, hướng dẫn kỹ thuật và bao tiêu sản phẩm."
            ),
            H("Giữ rừng để giữ sâm"),
            P(
                "Sâm Ngọc Linh chỉ sống được dưới tán rừng ẩm mát, vì vậy bảo vệ rừng trở thành "
                "quy ước đầu tiên của hợp tác xã. Các thành viên thay nhau tuần tra, không chặt "
                "cây, không đốt rẫy gần khu trồng sâm. Nhờ đó, hơn 50 ha rừng đầu nguồn được giữ "
                "nguyên vẹn."
            ),
            IMG(
                "Thành viên hợp tác xã chăm sóc cây sâm giống trong vườn ươm.",
                "Ảnh: Y Nhung",
            ),
            P(
                "Năm 2019, hợp tác xã đạt doanh thu hơn 6 tỷ đồng từ sâm củ, lá sâm và cây giống. "
                "Mỗi thành viên có thu nhập bình quân 8–10 triệu đồng/tháng; nhiều hộ từng thuộc "
                "diện nghèo đã dựng được nhà mới, mua xe máy, cho con xuống thị trấn học nội trú."
            ),
            Q(
                "Cây sâm quý nhưng khó tính, phải kiên nhẫn như chăm con nhỏ. Làm một mình thì "
                "không đủ sức, vào hợp tác xã rồi thì bà con có nghề, có rừng để giữ.",
                "Anh A Vinh, Giám đốc Hợp tác xã Dược liệu Măng Ri Xanh",
            ),
        ],
    },
    {
        "key": "to-det-gie-trieng",
        "title": "Tổ dệt thổ cẩm của phụ nữ Giẻ Triêng giữ nghề, thêm thu nhập",
        "lead": "Ở làng Đăk Răng, huyện Đăk Glei, 18 chị em Giẻ Triêng trong tổ dệt thổ cẩm vừa "
        "giữ được những hoa văn truyền thống, vừa có thêm thu nhập từ các đơn hàng khăn, túi, "
        "áo gửi về thành phố.",
        "date": (2020, 4, 22, 15, 30),
        "reporters": ["Y Nhung"],
        "tags": ["Phụ nữ", "Dân tộc thiểu số", "Giảm nghèo", "Đăk Glei"],
        "image_caption": "Các thành viên tổ dệt thổ cẩm làng Đăk Răng bên khung dệt.",
        "image_credit": "Y Nhung",
        "body": [
            P(
                "Dưới mái hiên nhà sàn, tiếng khung dệt lách cách đều đặn. Bà Y Bang, 72 tuổi, "
                "người dệt giỏi nhất làng, ngồi cạnh các cô gái trẻ, chỉ từng đường chỉ đỏ, chỉ "
                "vàng tạo nên hoa văn hình mặt trời, hình núi — những họa tiết riêng của người "
                "Giẻ Triêng."
            ),
            P(
                "Tổ dệt được Chi hội Phụ nữ làng thành lập năm 2017, khi nghề dệt có nguy cơ mai "
                "một vì lớp trẻ chuộng quần áo may sẵn. Từ 6 thành viên ban đầu, đến nay tổ đã có "
                "18 chị em, trong đó 10 người dưới 30 tuổi."
            ),
            H("Hoa văn cũ, sản phẩm mới"),
            P(
                "Bên cạnh váy, khố truyền thống, tổ dệt thêm khăn choàng, túi xách, bao gối theo "
                "đặt hàng của các cửa hàng lưu niệm ở thành phố Kon Tum và Măng Đen. Mỗi thành "
                "viên có thêm 1,5–2 triệu đồng mỗi tháng, khoản thu nhập đáng kể với các gia đình "
                "vốn chỉ trông vào nương rẫy."
            ),
            P(
                "Những tháng đầu năm 2020, dịch COVID-19 khiến các hội chợ tạm dừng. Chị Y Hoa, "
                "tổ trưởng, cùng các thành viên trẻ chuyển sang chụp ảnh sản phẩm, giới thiệu qua "
                "mạng xã hội và nhờ người quen ở thành phố nhận hàng, nhờ đó tổ vẫn giữ được đơn "
                "hàng."
            ),
            Q(
                "Mình dệt không chỉ để bán. Mỗi tấm vải là chuyện của làng, của ông bà mình. Con "
                "gái Giẻ Triêng phải biết dệt thì mới giữ được cái hồn của làng.",
                "Bà Y Bang, làng Đăk Răng",
            ),
        ],
    },
    {
        "key": "ngoc-hoi-tuyen-duong",
        "title": "Ngọc Hồi tuyên dương 75 tập thể, cá nhân điển hình tiên tiến",
        "lead": "Ngày 12/5, huyện Ngọc Hồi tổ chức Hội nghị tuyên dương điển hình tiên tiến giai "
        "đoạn 2015–2020; 25 tập thể và 50 cá nhân được tặng Giấy khen của Chủ tịch UBND huyện.",
        "date": (2020, 5, 12, 16, 0),
        "reporters": ["Trần Minh Đức", "Lê Hoàng Phúc"],
        "tags": ["Điển hình tiên tiến", "Khen thưởng", "Ngọc Hồi", "Biên giới"],
        "image_caption": "Các tập thể, cá nhân điển hình tiên tiến huyện Ngọc Hồi nhận Giấy khen "
        "tại hội nghị.",
        "image_credit": "Trần Minh Đức",
        "body": [
            P(
                "Hội nghị được tổ chức gọn nhẹ, thực hiện nghiêm các biện pháp phòng, chống dịch "
                "COVID-19. Báo cáo tại hội nghị cho biết, giai đoạn 2015–2020, các phong trào thi "
                "đua của huyện biên giới Ngọc Hồi gắn chặt với nhiệm vụ phát triển kinh tế cửa "
                "khẩu, xây dựng nông thôn mới và giữ vững an ninh biên giới."
            ),
            H("Điển hình từ nhiều lĩnh vực"),
            P(
                "Trong số các điển hình được tuyên dương có anh A Hiếu, người Brâu ở làng Đăk Mế, "
                "xã Bờ Y, đi đầu chuyển đổi cây trồng và hướng dẫn bà con trồng cà phê, mì đúng "
                "kỹ thuật; chị Nguyễn Thị Hằng, giáo viên Trường Tiểu học xã Đăk Nông, nhiều năm "
                "liền dạy lớp ghép ở điểm trường xa; cùng nhiều tổ tự quản đường biên, cột mốc "
                "phối hợp với bộ đội biên phòng tuần tra bảo vệ biên giới."
            ),
            P(
                "Dịp này, huyện lựa chọn 8 tập thể và 12 cá nhân tiêu biểu đề nghị UBND tỉnh khen "
                "thưởng, đồng thời giới thiệu đại biểu dự Đại hội Thi đua yêu nước tỉnh lần thứ "
                "VIII."
            ),
            Q(
                "Những tấm gương hôm nay là minh chứng sinh động rằng ở đâu cũng có người tốt, "
                "việc tốt. Nhiệm vụ của chúng ta là phát hiện kịp thời và nhân rộng.",
                "Đại diện lãnh đạo UBND huyện Ngọc Hồi phát biểu tại hội nghị",
            ),
        ],
    },
    {
        "key": "tram-y-te-mo-rai",
        "title": "Trạm y tế xã biên giới Mô Rai: nơi bà con tìm đến lúc ốm đau",
        "lead": "Nằm sát biên giới Việt Nam – Campuchia, Trạm Y tế xã Mô Rai, huyện Sa Thầy với 7 "
        "nhân viên vẫn bền bỉ khám chữa bệnh, tiêm chủng và tuyên truyền phòng dịch cho đồng bào "
        "các dân tộc nơi vùng biên.",
        "date": (2020, 5, 20, 9, 30),
        "reporters": ["Phạm Thị Ngọc Lan"],
        "tags": ["Y tế", "Biên giới", "Sa Thầy", "Dân tộc thiểu số", "Điển hình tiên tiến"],
        "image_caption": "Trạm Y tế xã Mô Rai, huyện Sa Thầy.",
        "image_credit": "Phạm Thị Ngọc Lan",
        "body": [
            P(
                "Mô Rai là xã có diện tích lớn, dân cư thưa, nhiều làng cách trạm y tế hàng chục "
                "cây số đường đất. Bà con Rơ Măm, Gia Rai, Ba Na và các hộ từ nơi khác đến lập "
                "nghiệp đều tìm đến trạm mỗi khi ốm đau, sinh nở."
            ),
            H("Đi từng làng, gõ từng cửa"),
            P(
                "Y sĩ Trần Văn Hòa, trạm trưởng, kể: những năm đầu, nhiều sản phụ vẫn sinh con ở "
                "nhà, thậm chí trên rẫy. Trạm phân công mỗi nhân viên phụ trách vài làng, phối hợp "
                "với y tế thôn bản theo dõi từng thai phụ. Đến nay, hầu hết sản phụ trong xã đã "
                "đến trạm sinh con; tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi đạt trên 95%."
            ),
            IMG(
                "Nữ hộ sinh của trạm khám thai cho sản phụ tại làng.",
                "Ảnh: Phạm Thị Ngọc Lan",
            ),
            P(
                "Từ đầu năm 2020, khi dịch COVID-19 diễn biến phức tạp, nhân viên trạm thay nhau "
                "tham gia chốt kiểm soát, hướng dẫn khai báo y tế, theo dõi sức khỏe người trở về "
                "từ vùng có dịch, đồng thời vẫn duy trì khám chữa bệnh thường xuyên."
            ),
            Q(
                "Bà con tin trạm thì mới đến trạm. Mà muốn bà con tin, mình phải xuống làng, nói "
                "tiếng của bà con, ở lại khi bà con cần.",
                "Y sĩ Trần Văn Hòa, Trạm trưởng Trạm Y tế xã Mô Rai",
            ),
            P(
                "Trạm Y tế xã Mô Rai là một trong những tập thể được Sở Y tế đề nghị tuyên dương "
                "tại Hội nghị tuyên dương điển hình tiên tiến của ngành giai đoạn 2015–2020."
            ),
        ],
    },
    {
        "key": "nganh-giao-duc-tuyen-duong",
        "title": "Ngành Giáo dục tuyên dương 60 điển hình tiên tiến giai đoạn 2015–2020",
        "lead": "Sở Giáo dục và Đào tạo tổ chức Hội nghị tuyên dương điển hình tiên tiến, biểu "
        "dương những tập thể, cá nhân tiêu biểu trong phong trào thi đua “Đổi mới, sáng tạo "
        "trong dạy và học” và các cuộc vận động của ngành.",
        "date": (2020, 5, 29, 14, 0),
        "reporters": ["Phạm Thị Ngọc Lan"],
        "tags": ["Giáo dục", "Điển hình tiên tiến", "Khen thưởng", "Thành phố Kon Tum"],
        "image_caption": "Các giáo viên điển hình tiên tiến của ngành Giáo dục tại hội nghị.",
        "image_credit": "Phạm Thị Ngọc Lan",
        "related": ["co-giao-y-lien"],
        "body": [
            P(
                "Giai đoạn 2015–2020, ngành Giáo dục và Đào tạo tỉnh đẩy mạnh huy động trẻ ra "
                "lớp, củng cố mạng lưới trường lớp ở vùng sâu, vùng xa, mở rộng mô hình trường "
                "phổ thông dân tộc bán trú và tăng cường tiếng Việt cho học sinh dân tộc thiểu "
                "số trước khi vào lớp 1."
            ),
            H("Những người gieo chữ nơi khó khăn"),
            P(
                "Trong số 60 tập thể, cá nhân được tuyên dương, hơn một nửa đang công tác tại các "
                "xã đặc biệt khó khăn. Đó là cô giáo Y Liên, người Ba Na, gần 5 năm bám điểm "
                "trường lẻ ở xã Ia Chim; là thầy Đinh Văn Quang, Trường Phổ thông dân tộc bán trú "
                "ở huyện Tu Mơ Rông, người vận động hàng chục học sinh bỏ học trở lại lớp."
            ),
            P(
                "Hội nghị cũng biểu dương nhiều sáng kiến trong đổi mới phương pháp dạy học, ứng "
                "dụng công nghệ thông tin, đặc biệt là việc dạy học qua truyền hình, qua mạng "
                "trong thời gian học sinh tạm nghỉ học để phòng, chống dịch COVID-19."
            ),
            Q(
                "Tôi chỉ làm những việc mà bất cứ giáo viên nào ở làng cũng làm. Được tuyên dương "
                "là động lực để tôi tiếp tục ở lại với các cháu.",
                "Cô giáo Y Liên phát biểu tại hội nghị",
            ),
        ],
    },
    {
        "key": "dien-binh-nguoi-tot-viec-tot",
        "title": "Xã Diên Bình biểu dương 32 gương người tốt việc tốt",
        "lead": "UBND xã Diên Bình, huyện Đăk Tô vừa tổ chức Hội nghị biểu dương người tốt việc "
        "tốt giai đoạn 2015–2020, tặng Giấy khen cho 12 tập thể và 20 cá nhân có thành tích tiêu "
        "biểu.",
        "date": (2020, 6, 5, 11, 0),
        "reporters": ["Trần Minh Đức", "A Tuấn"],
        "tags": ["Người tốt việc tốt", "Khen thưởng", "Đăk Tô", "Thi đua yêu nước"],
        "image_caption": "Các gương người tốt việc tốt xã Diên Bình nhận Giấy khen.",
        "image_credit": "A Tuấn",
        "body": [
            P(
                "Trong 5 năm qua, phong trào thi đua yêu nước ở xã Diên Bình gắn với xây dựng nông "
                "thôn mới và cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa”. Người "
                "dân hiến hơn 5.000 m² đất, góp hàng nghìn ngày công làm đường; 92% hộ gia đình "
                "đạt danh hiệu Gia đình văn hóa."
            ),
            H("Những việc tốt bình dị"),
            P(
                "Mỗi gương người tốt việc tốt được biểu dương là một câu chuyện giản dị: ông "
                "Nguyễn Văn Lâm ở thôn 1 nhặt được ví có hơn 15 triệu đồng, tìm trả lại người đánh "
                "rơi; em Y Mai, học sinh lớp 9, suốt 3 năm đưa bạn khuyết tật đến trường; tổ phụ "
                "nữ tự quản thôn 4 duy trì “Ngày thứ Bảy xanh” dọn vệ sinh đường làng."
            ),
            Q(
                "Người tốt việc tốt không ở đâu xa, mà ở ngay trong mỗi thôn, mỗi gia đình. Xã "
                "sẽ tiếp tục phát hiện, biểu dương kịp thời để phong trào lan tỏa.",
                "Lãnh đạo UBND xã Diên Bình",
            ),
            P(
                "Dịp này, xã lựa chọn 5 tập thể và 8 cá nhân tiêu biểu đề nghị huyện biểu dương "
                "tại Hội nghị tuyên dương điển hình tiên tiến huyện Đăk Tô."
            ),
        ],
    },
    {
        "key": "lao-dong-gioi-sang-tao",
        "title": "Biểu dương 45 người lao động giỏi, lao động sáng tạo trong doanh nghiệp",
        "lead": "Công ty cổ phần Chế biến nông sản Hà Mòn ở huyện Đăk Hà tổ chức Hội nghị biểu "
        "dương những người lao động giỏi, lao động sáng tạo giai đoạn 2015–2020, ghi nhận 14 "
        "sáng kiến cải tiến kỹ thuật.",
        "date": (2020, 6, 16, 17, 0),
        "reporters": ["Lê Hoàng Phúc"],
        "tags": ["Doanh nghiệp", "Lao động sáng tạo", "Đăk Hà", "Thi đua yêu nước"],
        "image_caption": "Công nhân Công ty cổ phần Chế biến nông sản Hà Mòn trong giờ làm việc.",
        "image_credit": "Lê Hoàng Phúc",
        "body": [
            P(
                "Hội nghị do Ban Giám đốc và Công đoàn cơ sở công ty phối hợp tổ chức, biểu dương "
                "45 công nhân, kỹ thuật viên có thành tích xuất sắc trong phong trào thi đua lao "
                "động giỏi, lao động sáng tạo, gắn với phong trào “Doanh nghiệp Việt Nam hội nhập "
                "và phát triển”."
            ),
            H("Sáng kiến từ dây chuyền"),
            P(
                "Tiêu biểu là anh Lê Văn Toàn, tổ trưởng tổ cơ điện, với sáng kiến cải tiến hệ "
                "thống băng tải sấy giúp giảm 15% điện năng tiêu thụ; chị Y Ngân, người Xơ Đăng, "
                "tổ trưởng tổ phân loại, đề xuất cách bố trí ca làm việc giúp rút ngắn thời gian "
                "giao hàng. Tổng giá trị làm lợi từ 14 sáng kiến ước hơn 2 tỷ đồng."
            ),
            P(
                "Năm 2020, dù chịu ảnh hưởng của dịch COVID-19, công ty vẫn bảo đảm việc làm cho "
                "hơn 300 lao động, trong đó gần một nửa là người dân tộc thiểu số tại địa phương."
            ),
            Q(
                "Sáng kiến không cần phải lớn. Chỉ cần mỗi ngày mình làm việc tốt hơn hôm qua một "
                "chút, cả dây chuyền sẽ khác.",
                "Anh Lê Văn Toàn, tổ trưởng tổ cơ điện",
            ),
        ],
    },
    {
        "key": "van-hoa-cong-so-dak-ha",
        "title": "Đăk Hà: văn hóa công sở bắt đầu từ bộ phận một cửa",
        "lead": "Nụ cười, lời chào và một quy trình rõ ràng: bộ phận tiếp nhận và trả kết quả của "
        "huyện Đăk Hà đang thay đổi cách người dân nhìn về cơ quan công quyền.",
        "date": (2020, 7, 3, 8, 45),
        "reporters": ["Lê Hoàng Phúc"],
        "tags": ["Văn hóa công sở", "Cải cách hành chính", "Đăk Hà", "Học tập và làm theo Bác"],
        "image_caption": "Người dân làm thủ tục tại bộ phận tiếp nhận và trả kết quả huyện Đăk Hà.",
        "image_credit": "Lê Hoàng Phúc",
        "body": [
            P(
                "Tám giờ sáng, bộ phận tiếp nhận và trả kết quả của huyện Đăk Hà đã đông người. "
                "Mỗi người dân bước vào đều được hướng dẫn lấy số thứ tự, mời ngồi và giải đáp "
                "tận tình. Trên mỗi bàn làm việc có bảng tên, chức danh của cán bộ và hòm phiếu "
                "đánh giá mức độ hài lòng."
            ),
            H("“Bốn xin, bốn luôn”"),
            P(
                "Cán bộ, công chức của huyện thực hiện “bốn xin, bốn luôn”: xin chào, xin lỗi, xin "
                "cảm ơn, xin phép; luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ. "
                "Hồ sơ trễ hẹn phải có thư xin lỗi gửi người dân, nêu rõ lý do và ngày hẹn mới."
            ),
            P(
                "Năm 2019, tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt trên 98%; nhiều thủ tục "
                "được tiếp nhận qua dịch vụ công trực tuyến, giúp người dân ở xa không phải đi lại "
                "nhiều lần."
            ),
            Q(
                "Trước đây đi làm giấy tờ tôi ngại lắm, không biết hỏi ai. Giờ vào là có người chỉ "
                "dẫn, hẹn ngày nào trả đúng ngày đó.",
                "Ông A Dũng, người dân xã Hà Mòn",
            ),
            P(
                "Xây dựng văn hóa công sở là một trong những nội dung trọng tâm của phong trào "
                "thi đua ở khối cơ quan huyện Đăk Hà, gắn với việc học tập và làm theo tư tưởng, "
                "đạo đức, phong cách Hồ Chí Minh về tinh thần phục vụ nhân dân."
            ),
        ],
    },
    {
        "key": "giam-ngheo-tu-mo-rong",
        "title": "Tu Mơ Rông: những nếp nhà thoát nghèo từ cây quế, con bò",
        "lead": "Được hỗ trợ giống, vốn và cách làm, nhiều hộ đồng bào Xơ Đăng ở huyện Tu Mơ "
        "Rông đã tự tin vươn lên thoát nghèo, lan tỏa phong trào “Vì người nghèo – Không để ai bị "
        "bỏ lại phía sau”.",
        "date": (2020, 7, 24, 9, 0),
        "reporters": ["Y Nhung", "Lê Hoàng Phúc"],
        "tags": ["Giảm nghèo", "Tu Mơ Rông", "Dân tộc thiểu số", "Nông thôn mới"],
        "image_caption": "Đồi quế của gia đình anh A Sang ở xã Ngọk Lây.",
        "image_credit": "Y Nhung",
        "body": [
            P(
                "Ngôi nhà mới lợp tôn của anh A Sang ở xã Ngọk Lây nằm lưng chừng đồi, nhìn ra "
                "những hàng quế xanh thẫm. Cách đây 5 năm, gia đình anh vẫn thuộc diện hộ nghèo, "
                "quanh năm chỉ trông vào vài sào lúa rẫy."
            ),
            H("Có cách làm, có động lực"),
            P(
                "Năm 2016, anh được hỗ trợ cây quế giống và vay 30 triệu đồng từ Ngân hàng Chính "
                "sách xã hội để mua bò cái. Cán bộ khuyến nông xã hướng dẫn anh làm chuồng, trồng "
                "cỏ, tiêm phòng cho bò. Đến nay, gia đình anh có 2 ha quế, đàn bò 6 con và đã "
                "trả hết nợ vay."
            ),
            IMG(
                "Cán bộ khuyến nông hướng dẫn bà con kỹ thuật chăm sóc quế.",
                "Ảnh: Lê Hoàng Phúc",
            ),
            P(
                "Không chỉ riêng gia đình anh A Sang, nhiều hộ trong xã đã thoát nghèo nhờ kết "
                "hợp trồng quế, sâm dây với chăn nuôi. Các tổ tiết kiệm và vay vốn ở thôn giúp bà "
                "con tiếp cận vốn thuận lợi; người thoát nghèo trước lại hướng dẫn người đi sau."
            ),
            Q(
                "Nhà nước cho cây, cho vốn, còn mình phải chịu khó. Mình thoát nghèo được thì "
                "phải chỉ cho anh em trong làng làm theo.",
                "Anh A Sang, xã Ngọk Lây",
            ),
        ],
    },
    {
        "key": "cuu-chien-binh-kon-ray",
        "title": "Cựu chiến binh Kon Rẫy làm kinh tế giỏi, giúp đồng đội thoát nghèo",
        "lead": "Rời quân ngũ với hai bàn tay trắng, ông Phan Văn Thịnh ở xã Tân Lập, huyện Kon "
        "Rẫy nay có trang trại cà phê xen mắc ca cho thu nhập hàng trăm triệu đồng mỗi năm và "
        "tạo việc làm cho nhiều lao động địa phương.",
        "date": (2020, 8, 14, 10, 30),
        "reporters": ["A Tuấn"],
        "tags": ["Cựu chiến binh", "Kon Rẫy", "Giảm nghèo", "Người tốt việc tốt"],
        "image_caption": "Ông Phan Văn Thịnh kiểm tra vườn cà phê xen mắc ca của gia đình.",
        "image_credit": "A Tuấn",
        "body": [
            P(
                "Năm 1995, ông Phan Văn Thịnh xuất ngũ, cùng vợ lên Kon Rẫy khai hoang. Những năm "
                "đầu, cả nhà sống trong căn chòi tạm, vừa trồng mì, vừa làm thuê. Ông dành dụm "
                "từng đồng, học hỏi kỹ thuật trồng cà phê từ các hộ đi trước."
            ),
            P(
                "Đến nay, trang trại của ông rộng 6 ha, trồng cà phê xen mắc ca và cây ăn quả, "
                "mỗi năm cho thu nhập trên 500 triệu đồng, tạo việc làm thường xuyên cho 8 lao "
                "động là người Ba Na trong xã."
            ),
            H("Nghĩa tình đồng đội"),
            P(
                "Là Chi hội trưởng Chi hội Cựu chiến binh thôn, ông Thịnh cho các hội viên khó "
                "khăn mượn vốn không lấy lãi, tặng cây giống và hướng dẫn kỹ thuật. Trong 5 năm "
                "qua, ông đã giúp 6 hội viên thoát nghèo, đóng góp hàng chục triệu đồng cho Quỹ "
                "Vì người nghèo và quỹ nghĩa tình đồng đội."
            ),
            Q(
                "Trong quân ngũ, anh em sống chết có nhau. Về đời thường, mình khá lên rồi thì "
                "không thể để đồng đội mình khó khăn.",
                "Ông Phan Văn Thịnh",
            ),
        ],
    },
    {
        "key": "nhin-lai-5-nam",
        "title": "Nhìn lại 5 năm phong trào thi đua yêu nước ở Kon Tum (2015–2020)",
        "lead": "Từ những con đường bê tông về làng đến những mô hình sản xuất mới, phong trào "
        "thi đua yêu nước giai đoạn 2015–2020 đã tạo động lực quan trọng để tỉnh thực hiện các "
        "mục tiêu phát triển kinh tế – xã hội.",
        "date": (2020, 9, 18, 8, 0),
        "reporters": ["Nguyễn Thị Thu Hà"],
        "tags": ["Thi đua yêu nước", "Đại hội thi đua", "Nông thôn mới", "Giảm nghèo"],
        "image_caption": "Diện mạo nông thôn Kon Tum đổi thay sau 5 năm thi đua xây dựng nông "
        "thôn mới.",
        "image_credit": "Nguyễn Thị Thu Hà",
        "body": [
            P(
                "Kể từ Đại hội Thi đua yêu nước tỉnh lần thứ VII (năm 2015), các phong trào thi "
                "đua được triển khai sâu rộng, gắn với nhiệm vụ chính trị của từng cấp, từng "
                "ngành. Nhiều phong trào trở thành động lực trực tiếp cho xây dựng nông thôn mới, "
                "giảm nghèo bền vững và cải cách hành chính."
            ),
            H("Thi đua gắn với nhiệm vụ cụ thể"),
            P(
                "Phong trào “Cả nước chung sức xây dựng nông thôn mới” huy động được sự tham gia "
                "rộng rãi của nhân dân: hàng trăm nghìn ngày công, hàng chục héc-ta đất được hiến "
                "để làm đường, xây trường, nhà văn hóa. Phong trào “Vì người nghèo – Không để ai "
                "bị bỏ lại phía sau” giúp hàng nghìn hộ có nhà ở, có sinh kế ổn định."
            ),
            H("Điển hình từ cơ sở"),
            P(
                "Từ tháng 3 đến tháng 6/2020, hội nghị biểu dương người tốt việc tốt ở 102 xã, "
                "phường, thị trấn; hội nghị tuyên dương điển hình tiên tiến ở các huyện, thành phố "
                "và sở, ngành; hội nghị biểu dương người lao động giỏi, lao động sáng tạo ở các "
                "doanh nghiệp đã được tổ chức, dù phải điều chỉnh quy mô vì dịch COVID-19."
            ),
            P(
                "Bên cạnh kết quả đạt được, công tác thi đua, khen thưởng vẫn còn hạn chế: có nơi "
                "phong trào còn hình thức; tỷ lệ khen thưởng cho người lao động trực tiếp, người "
                "dân tộc thiểu số ở một số đơn vị còn thấp; việc nhân rộng điển hình chưa thường "
                "xuyên."
            ),
            Q(
                "Thi đua không phải là phong trào theo đợt. Thi đua phải trở thành cách làm việc "
                "hằng ngày, ở từng thôn làng, từng cơ quan, từng doanh nghiệp.",
                "Bà Lê Thị Minh Nguyệt, cán bộ Ban Thi đua – Khen thưởng tỉnh",
            ),
        ],
    },
    {
        "key": "san-sang-dai-hoi",
        "title": "Sẵn sàng cho Đại hội Thi đua yêu nước tỉnh Kon Tum lần thứ VIII",
        "lead": "Công tác chuẩn bị cho Đại hội Thi đua yêu nước tỉnh lần thứ VIII, diễn ra ngày "
        "22/10/2020 tại thành phố Kon Tum, đã cơ bản hoàn tất.",
        "date": (2020, 10, 16, 15, 0),
        "reporters": ["Trần Minh Đức"],
        "tags": ["Đại hội thi đua", "Thi đua yêu nước", "Thành phố Kon Tum", "Điển hình tiên tiến"],
        "image_caption": "Hội trường nơi sẽ diễn ra Đại hội Thi đua yêu nước tỉnh lần thứ VIII.",
        "image_credit": "Trần Minh Đức",
        "body": [
            P(
                "Theo kế hoạch ban đầu, Đại hội dự kiến tổ chức vào tháng 9/2020; sau khi điều "
                "chỉnh, Đại hội được tổ chức vào ngày 22/10/2020. Đến nay, báo cáo tổng kết, danh "
                "sách đại biểu, phim tư liệu và triển lãm ảnh về các điển hình tiên tiến đã sẵn "
                "sàng."
            ),
            H("Đại biểu từ mọi lĩnh vực"),
            P(
                "Đại biểu dự Đại hội là các tập thể, cá nhân tiêu biểu được lựa chọn qua các hội "
                "nghị điển hình tiên tiến từ cơ sở: nông dân sản xuất giỏi, công nhân lao động "
                "sáng tạo, giáo viên, thầy thuốc, già làng, người có uy tín, cán bộ, chiến sĩ lực "
                "lượng vũ trang. Tỷ lệ đại biểu là người dân tộc thiểu số và người trực tiếp lao "
                "động được chú trọng."
            ),
            P(
                "Ban Tổ chức bố trí khu đón tiếp, kiểm tra thân nhiệt và sát khuẩn, bảo đảm các "
                "biện pháp phòng, chống dịch COVID-19 trong suốt thời gian diễn ra Đại hội."
            ),
        ],
    },
    {
        "key": "dai-hoi-lan-thu-viii",
        "title": "Đại hội Thi đua yêu nước tỉnh Kon Tum lần thứ VIII: tôn vinh những điển hình "
        "tiêu biểu",
        "lead": "Ngày 22/10/2020, tại thành phố Kon Tum, Đại hội Thi đua yêu nước tỉnh Kon Tum lần "
        "thứ VIII đã diễn ra trọng thể, tổng kết phong trào thi đua yêu nước giai đoạn 2015–2020 "
        "và đề ra phương hướng cho giai đoạn 2020–2025.",
        "date": (2020, 10, 22, 11, 30),
        "reporters": ["Nguyễn Thị Thu Hà", "Trần Minh Đức"],
        "tags": [
            "Đại hội thi đua",
            "Thi đua yêu nước",
            "Điển hình tiên tiến",
            "Khen thưởng",
            "Thành phố Kon Tum",
        ],
        "image_caption": "Toàn cảnh Đại hội Thi đua yêu nước tỉnh Kon Tum lần thứ VIII.",
        "image_credit": "Trần Minh Đức",
        "related": ["nhin-lai-5-nam", "ke-hoach-2297", "dai-bieu-toan-quoc-x"],
        "body": [
            P(
                "Dự Đại hội có các đồng chí lãnh đạo tỉnh, đại diện các sở, ban, ngành, đoàn thể, "
                "các huyện, thành phố cùng đông đảo đại biểu là điển hình tiên tiến đến từ mọi "
                "miền của tỉnh. Đại hội là sự kiện chính trị quan trọng, tổng kết 5 năm thực hiện "
                "các phong trào thi đua kể từ Đại hội lần thứ VII."
            ),
            H("Nhiều dấu ấn trong 5 năm"),
            P(
                "Báo cáo tại Đại hội nêu rõ, các phong trào thi đua đã góp phần quan trọng vào "
                "việc hoàn thành các chỉ tiêu phát triển kinh tế – xã hội, xây dựng nông thôn "
                "mới, giảm nghèo, bảo đảm quốc phòng – an ninh. Nhiều mô hình hay, cách làm sáng "
                "tạo xuất phát từ cơ sở đã được nhân rộng."
            ),
            IMG(
                "Các đại biểu điển hình tiên tiến tại Đại hội.",
                "Ảnh: Nguyễn Thị Thu Hà",
            ),
            P(
                "Tại Đại hội, nhiều tập thể, cá nhân có thành tích xuất sắc được tặng Cờ thi đua, "
                "Bằng khen của UBND tỉnh. Trong số đó có những gương mặt quen thuộc với bạn đọc: "
                "một cô giáo mầm non người Ba Na bám làng, một già làng Xơ Đăng hiến đất làm "
                "đường, một trạm y tế xã biên giới, một hợp tác xã trồng sâm Ngọc Linh dưới tán "
                "rừng."
            ),
            H("Phương hướng giai đoạn 2020–2025"),
            P(
                "Đại hội thống nhất tiếp tục đổi mới nội dung, hình thức thi đua theo hướng thiết "
                "thực, hiệu quả; chú trọng phát hiện, bồi dưỡng và nhân rộng điển hình; quan tâm "
                "khen thưởng người lao động trực tiếp, người dân tộc thiểu số, người ở vùng sâu, "
                "vùng xa, biên giới. Đại hội cũng lựa chọn các đại biểu tiêu biểu dự Đại hội Thi "
                "đua yêu nước toàn quốc lần thứ X."
            ),
            Q(
                "Mỗi điển hình tiên tiến hôm nay là một ngọn lửa. Nhiệm vụ của chúng ta là giữ cho "
                "những ngọn lửa ấy cháy sáng và lan tỏa trong giai đoạn mới.",
                "Phát biểu bế mạc Đại hội",
            ),
        ],
    },
    {
        "key": "dai-bieu-toan-quoc-x",
        "title": "Gặp mặt đoàn đại biểu Kon Tum dự Đại hội Thi đua yêu nước toàn quốc lần thứ X",
        "lead": "Những gương mặt tiêu biểu nhất được lựa chọn từ Đại hội Thi đua yêu nước tỉnh "
        "lần thứ VIII sẽ đại diện cho các tầng lớp nhân dân Kon Tum dự Đại hội Thi đua yêu nước "
        "toàn quốc lần thứ X tại Thủ đô Hà Nội.",
        "date": (2020, 11, 20, 16, 30),
        "reporters": ["Y Nhung", "Nguyễn Thị Thu Hà"],
        "tags": ["Đại hội thi đua", "Thi đua yêu nước", "Điển hình tiên tiến", "Dân tộc thiểu số"],
        "image_caption": "Đoàn đại biểu tỉnh Kon Tum dự Đại hội Thi đua yêu nước toàn quốc lần "
        "thứ X tại buổi gặp mặt.",
        "image_credit": "Y Nhung",
        "body": [
            P(
                "Đoàn đại biểu gồm những người đến từ nhiều lĩnh vực: già làng, người có uy tín "
                "trong đồng bào dân tộc thiểu số; nông dân sản xuất, kinh doanh giỏi; giáo viên, "
                "thầy thuốc; doanh nhân; cán bộ, chiến sĩ lực lượng vũ trang."
            ),
            P(
                "Phát biểu tại buổi gặp mặt, đại diện lãnh đạo tỉnh chúc mừng các đại biểu, mong "
                "đoàn sẽ giới thiệu với bạn bè cả nước hình ảnh con người Kon Tum cần cù, đoàn "
                "kết, và tiếp tục là những hạt nhân lan tỏa phong trào thi đua sau khi trở về."
            ),
            Q(
                "Tôi chưa từng nghĩ có ngày được ra Hà Nội. Tôi sẽ kể cho bà con ở làng nghe, để "
                "làng mình cùng làm tốt hơn nữa.",
                "Già làng A Hrin, huyện Kon Plông, đại biểu của đoàn",
            ),
            P(
                "Đại hội Thi đua yêu nước toàn quốc lần thứ X là dịp tổng kết phong trào thi đua "
                "yêu nước giai đoạn 2015–2020 trên phạm vi cả nước, tôn vinh những tập thể, cá "
                "nhân tiêu biểu từ các địa phương, bộ, ngành."
            ),
        ],
    },
]
