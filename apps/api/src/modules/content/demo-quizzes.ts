import type { CompetencyRef } from '@hocso/curriculum';

/** An item of a demo quiz, in the shape of the assessment item bank (single choice or true/false). */
export interface DemoQuizItem {
  kind: 'single_choice' | 'true_false';
  competency: CompetencyRef;
  level: number;
  stem: string;
  options?: { id: string; text: string }[];
  correctOptionIds?: string[];
  correctBoolean?: boolean;
  explanation: string;
}

const choice = (competency: CompetencyRef, level: number, stem: string, options: string[], correct: number, explanation: string): DemoQuizItem => ({
  kind: 'single_choice',
  competency,
  level,
  stem: `<p>${stem}</p>`,
  options: options.map((text, i) => ({ id: String.fromCharCode(97 + i), text })),
  correctOptionIds: [String.fromCharCode(97 + correct)],
  explanation,
});
const truth = (competency: CompetencyRef, level: number, stem: string, correct: boolean, explanation: string): DemoQuizItem => ({
  kind: 'true_false',
  competency,
  level,
  stem: `<p>${stem}</p>`,
  correctBoolean: correct,
  explanation,
});

/**
 * The items of each demo course's quiz lesson (by course slug). Each item assesses one of the
 * competencies its quiz lesson is mapped to, at the same level, so the quiz's blueprint can draw them.
 */
export const DEMO_QUIZZES: Record<string, DemoQuizItem[]> = {
  'dung-dien-thoai-thong-minh-an-toan': [
    choice('digcomp-2.2:4.1', 2, 'Mã khoá màn hình nào an toàn nhất?', ['123456', 'Ngày sinh của bạn', 'Một dãy 6 chữ số ngẫu nhiên chỉ bạn biết', 'Không đặt mã'], 2, 'Mã dễ đoán như 123456 hay ngày sinh bị thử đầu tiên.'),
    truth('digcomp-2.2:4.1', 2, 'Nên cài ứng dụng từ đường link người lạ gửi qua tin nhắn nếu ứng dụng đó miễn phí.', false, 'Chỉ cài ứng dụng từ CH Play hoặc App Store.'),
    choice('vn-757-2025:0.1', 2, 'Điện thoại bị treo, không bấm được gì. Bạn làm gì?', ['Tháo pin ngay', 'Nhấn giữ nút nguồn cùng nút giảm âm lượng khoảng 10 giây', 'Đợi hết pin', 'Mang đi sửa ngay'], 1, 'Khởi động lại bắt buộc bằng tổ hợp phím giải quyết phần lớn trường hợp.'),
    truth('vn-757-2025:0.1', 2, 'Khi không có Wi-Fi, bạn có thể bật Dữ liệu di động để vào mạng.', true, 'Dữ liệu di động dùng gói cước của nhà mạng.'),
  ],
  'nhan-biet-lua-dao-truc-tuyen': [
    choice('digcomp-2.2:4.2', 2, 'Người gọi xưng là công an, yêu cầu bạn chuyển tiền vào "tài khoản tạm giữ". Bạn làm gì?', ['Chuyển tiền để hợp tác', 'Đọc mã OTP cho họ kiểm tra', 'Cúp máy, gọi lại số tổng đài chính thức hoặc đến công an xã', 'Gửi ảnh căn cước cho họ'], 2, 'Cơ quan nhà nước không bao giờ yêu cầu chuyển tiền qua điện thoại.'),
    truth('digcomp-2.2:4.2', 2, 'Nhân viên ngân hàng có thể hỏi mã OTP của bạn qua điện thoại.', false, 'Không ai được hỏi mã OTP của bạn, kể cả ngân hàng.'),
    choice('digcomp-2.2:1.2', 2, 'Tin nhắn báo bạn trúng thưởng, kèm đường link để nhận quà. Dấu hiệu nào cho thấy đây là lừa đảo?', ['Tin nhắn có dấu tiếng Việt', 'Giục làm ngay và kèm đường link lạ', 'Được gửi vào buổi sáng', 'Có logo của một công ty'], 1, 'Thúc giục và đường link lạ là hai dấu hiệu điển hình.'),
    truth('digcomp-2.2:1.2', 2, 'Trước khi nhập mật khẩu, nên kiểm tra địa chỉ trang web có đúng là trang chính thức không.', true, 'Trang giả thường có địa chỉ gần giống trang thật.'),
  ],
  'dich-vu-cong-truc-tuyen-va-vneid': [
    choice('vn-757-2025:2.6', 2, 'Tài khoản định danh điện tử mức 2 được cấp ở đâu?', ['Tại cửa hàng điện thoại', 'Tại công an xã, phường khi làm căn cước', 'Qua tin nhắn của người lạ', 'Tại ngân hàng'], 1, 'Tài khoản mức 2 được cấp cùng thủ tục căn cước tại công an.'),
    truth('vn-757-2025:2.6', 2, 'Có thể nhờ người lạ đăng nhập VNeID hộ nếu họ nói là cán bộ.', false, 'Không đăng nhập hộ và không đưa mật khẩu, mã kích hoạt cho người khác.'),
    choice('vn-757-2025:2.3', 2, 'Sau khi nộp hồ sơ trên Cổng Dịch vụ công, bạn cần giữ lại gì để tra cứu kết quả?', ['Ảnh chụp màn hình trang chủ', 'Mã hồ sơ', 'Mật khẩu tài khoản', 'Không cần gì'], 1, 'Mã hồ sơ dùng để tra cứu tiến độ và kết quả.'),
    truth('vn-757-2025:2.3', 2, 'Có thể nộp hồ sơ đăng ký khai sinh trực tuyến mà không cần đến trụ sở.', true, 'Đăng ký khai sinh là một thủ tục có trên Cổng Dịch vụ công.'),
  ],
  'thanh-toan-khong-dung-tien-mat': [
    choice('vn-757-2025:2.3', 2, 'Khách đưa ảnh chụp màn hình báo đã chuyển khoản. Khi nào bạn giao hàng?', ['Ngay khi xem ảnh', 'Khi ứng dụng ngân hàng của bạn báo tiền đã vào', 'Khi khách hứa đã chuyển', 'Sau một phút'], 1, 'Ảnh chụp màn hình có thể bị làm giả; chỉ tin thông báo biến động số dư.'),
    truth('vn-757-2025:2.3', 2, 'Khi thanh toán hoá đơn điện, nên kiểm tra tên chủ hộ trước khi xác nhận.', true, 'Nhập sai mã khách hàng có thể trả tiền cho người khác.'),
    choice('vn-757-2025:4.2', 2, 'Ai được biết mật khẩu ứng dụng ngân hàng của bạn?', ['Người bán hàng', 'Nhân viên ngân hàng gọi điện', 'Chỉ mình bạn', 'Người thân trong nhà'], 2, 'Mật khẩu và mã OTP chỉ mình bạn biết.'),
    truth('vn-757-2025:4.2', 2, 'Đăng ảnh mã QR kèm số điện thoại và địa chỉ nhà lên mạng xã hội công khai là an toàn.', false, 'Chỉ chia sẻ thông tin cần thiết cho việc nhận tiền.'),
  ],
  'hoc-tap-an-toan-tren-mang': [
    choice('vn-moet-learners-2025:1.2', 2, 'Bạn thấy một tin giật gân kêu gọi "chia sẻ ngay". Việc nên làm đầu tiên?', ['Chia sẻ cho bạn bè biết', 'Kiểm tra ai viết, khi nào và có nguồn chính thống nào khác đưa tin không', 'Bình luận phản đối', 'Tải về máy'], 1, 'Kiểm chứng trước khi chia sẻ.'),
    truth('vn-moet-learners-2025:1.2', 2, 'Công cụ AI luôn trả lời đúng nên không cần kiểm tra lại.', false, 'AI có thể trả lời sai; hãy tự kiểm tra và ghi rõ khi dùng AI.'),
    choice('vn-moet-learners-2025:4.2', 2, 'Cách nào giúp bảo vệ tài khoản học tập tốt nhất?', ['Dùng một mật khẩu cho mọi tài khoản', 'Cho bạn thân biết mật khẩu', 'Dùng cụm mật khẩu dài, khác nhau và bật xác thực hai lớp', 'Lưu mật khẩu trong ảnh chụp màn hình'], 2, 'Mật khẩu riêng cho mỗi tài khoản và xác thực hai lớp.'),
    truth('vn-moet-learners-2025:4.2', 2, 'Không nên đưa thông tin cá nhân của bạn bè vào công cụ AI.', true, 'Thông tin cá nhân của người khác cần được tôn trọng và bảo vệ.'),
  ],
  'an-toan-thong-tin-trong-cong-vu': [
    choice('vn-757-2025:4.1', 2, 'Thư tự xưng "bộ phận kỹ thuật" yêu cầu bạn xác nhận lại mật khẩu hộp thư qua đường link. Bạn làm gì?', ['Bấm vào và nhập mật khẩu', 'Chuyển tiếp cho đồng nghiệp', 'Không bấm; báo cho bộ phận công nghệ thông tin', 'Trả lời thư kèm mật khẩu'], 2, 'Bộ phận kỹ thuật không bao giờ hỏi mật khẩu qua thư.'),
    truth('vn-757-2025:4.1', 2, 'Khi rời bàn làm việc, nên khoá máy tính (Windows + L).', true, 'Máy không khoá để người khác dùng tài khoản của bạn.'),
    choice('vn-757-2025:4.2', 2, 'Cần gửi danh sách hộ nghèo cho cơ quan cấp trên. Cách nào đúng?', ['Chụp ảnh gửi vào nhóm chat của xã', 'Gửi qua hệ thống quản lý văn bản, chỉ kèm các cột cần thiết', 'Gửi từ hộp thư cá nhân cho nhanh', 'Đăng lên trang của xã'], 1, 'Đúng kênh công vụ và chỉ những dữ liệu cần thiết.'),
    truth('vn-757-2025:4.2', 2, 'Gửi nhầm tệp có dữ liệu cá nhân của người dân thì chỉ cần xoá thư đã gửi, không cần báo ai.', false, 'Báo ngay cho lãnh đạo và bộ phận công nghệ thông tin để xử lý.'),
  ],
};
