import type { CompetencyTarget, FrameworkPin } from '@hocso/curriculum';
import type { CourseLevel, CourseTranslations, TargetGroup } from '../catalog/course-version.entity';
import type { LessonKind } from '../catalog/lesson.entity';

export interface DemoLesson {
  kind: LessonKind;
  title: string;
  estimatedMinutes: number;
  body: string;
  /**
   * What the lesson teaches (a quiz or practice lesson: assesses), as `@hocso/curriculum` refs
   * and levels; checked with `validateMapping` before anything is written.
   */
  competencies?: CompetencyTarget[];
}
export interface DemoCourse {
  slug: string;
  language: string;
  title: string;
  summary: string;
  translations: CourseTranslations;
  targetGroups: TargetGroup[];
  level: CourseLevel;
  /** Framework versions the lessons' codes refer to; a framework not listed: its current version. */
  frameworks?: FrameworkPin[];
  modules: { title: string; lessons: DemoLesson[] }[];
}

/**
 * Demo courses loaded by `npm start` (and by the import job). Short, real lessons for each target
 * group of the "Digital Literacy for All" movement. Bodies are static, already-safe HTML.
 */
export const DEMO_COURSES: DemoCourse[] = [
  {
    slug: 'dung-dien-thoai-thong-minh-an-toan',
    language: 'vi',
    title: 'Dùng điện thoại thông minh an toàn',
    summary: 'Những thao tác đầu tiên trên điện thoại thông minh: mở khoá, kết nối mạng, đặt mật khẩu và cập nhật phần mềm để điện thoại luôn an toàn.',
    translations: {
      en: {
        title: 'Using a smartphone safely',
        summary: 'First steps on a smartphone: unlocking it, connecting to the network, setting a passcode and updating the software so the phone stays safe.',
      },
    },
    targetGroups: ['citizens'],
    level: 'basic',
    modules: [
      {
        title: 'Làm quen với điện thoại',
        lessons: [
          {
            kind: 'text',
            title: 'Bật, tắt và mở khoá điện thoại',
            estimatedMinutes: 5,
            body: '<p>Nhấn giữ nút nguồn ở cạnh điện thoại khoảng 3 giây để bật máy. Khi màn hình sáng, vuốt từ dưới lên để mở khoá.</p><ul><li>Để tắt máy: nhấn giữ nút nguồn rồi chọn <strong>Tắt nguồn</strong>.</li><li>Nếu máy bị treo: nhấn giữ nút nguồn cùng nút giảm âm lượng khoảng 10 giây.</li></ul>',
            competencies: [{ competency: 'vn-757-2025:0.1', level: 2 }],
          },
          {
            kind: 'text',
            title: 'Kết nối Wi-Fi và dữ liệu di động',
            estimatedMinutes: 6,
            body: '<p>Vuốt từ mép trên màn hình xuống để mở bảng cài đặt nhanh. Chạm vào biểu tượng Wi-Fi, chọn tên mạng và nhập mật khẩu.</p><p>Khi không có Wi-Fi, bật <strong>Dữ liệu di động</strong>. Xem video ở chất lượng thấp để tiết kiệm dung lượng.</p>',
            competencies: [{ competency: 'vn-757-2025:0.1', level: 2 }, { competency: 'vn-757-2025:0.2', level: 1 }],
          },
        ],
      },
      {
        title: 'Giữ điện thoại an toàn',
        lessons: [
          {
            kind: 'text',
            title: 'Đặt mã khoá màn hình',
            estimatedMinutes: 5,
            body: '<p>Vào <strong>Cài đặt → Bảo mật → Khoá màn hình</strong>. Chọn mã PIN có ít nhất 6 chữ số, không dùng ngày sinh hay 123456.</p><p>Không cho người lạ mượn điện thoại khi máy đang mở khoá.</p>',
            competencies: [{ competency: 'digcomp-2.2:4.1', level: 2 }, { competency: 'digcomp-2.2:4.2', level: 1 }],
          },
          {
            kind: 'text',
            title: 'Cập nhật phần mềm',
            estimatedMinutes: 4,
            body: '<p>Các bản cập nhật vá lỗ hổng bảo mật. Vào <strong>Cài đặt → Cập nhật phần mềm</strong>, cắm sạc và kết nối Wi-Fi trước khi cập nhật.</p><p>Chỉ cài ứng dụng từ kho ứng dụng chính thức (CH Play, App Store).</p>',
            competencies: [{ competency: 'digcomp-2.2:4.1', level: 2 }, { competency: 'vn-757-2025:0.2', level: 2 }],
          },
        ],
      },
    ],
  },
  {
    slug: 'nhan-biet-lua-dao-truc-tuyen',
    language: 'vi',
    title: 'Nhận biết lừa đảo trực tuyến',
    summary: 'Các chiêu lừa đảo thường gặp qua điện thoại, tin nhắn và mạng xã hội, và cách tự bảo vệ tiền và thông tin cá nhân.',
    translations: {
      en: {
        title: 'Recognising online fraud',
        summary: 'Common scams by phone, text message and social media, and how to protect your money and personal information.',
      },
    },
    targetGroups: ['citizens', 'workers'],
    level: 'basic',
    modules: [
      {
        title: 'Các chiêu lừa thường gặp',
        lessons: [
          {
            kind: 'text',
            title: 'Giả danh công an, ngân hàng, nhà mạng',
            estimatedMinutes: 6,
            body: '<p>Kẻ gian gọi điện xưng là công an, nhân viên ngân hàng hoặc nhà mạng, nói bạn liên quan đến vụ án hay tài khoản bị khoá, rồi yêu cầu chuyển tiền hoặc đọc mã OTP.</p><p><strong>Cơ quan nhà nước không bao giờ yêu cầu chuyển tiền hay cung cấp mã OTP qua điện thoại.</strong> Hãy cúp máy và gọi lại số tổng đài chính thức.</p>',
            competencies: [{ competency: 'digcomp-2.2:4.2', level: 2 }, { competency: 'digcomp-2.2:1.2', level: 2 }],
          },
          {
            kind: 'text',
            title: 'Đường link lạ và ứng dụng giả mạo',
            estimatedMinutes: 5,
            body: '<p>Tin nhắn báo trúng thưởng, giao hàng lỗi hay cập nhật VNeID kèm đường link thường dẫn tới trang giả để lấy mật khẩu.</p><ul><li>Không bấm vào link lạ.</li><li>Không cài ứng dụng từ link gửi qua tin nhắn.</li><li>Kiểm tra địa chỉ trang web trước khi nhập thông tin.</li></ul>',
            competencies: [{ competency: 'digcomp-2.2:4.1', level: 2 }, { competency: 'digcomp-2.2:4.2', level: 2 }],
          },
        ],
      },
      {
        title: 'Tự bảo vệ',
        lessons: [
          {
            kind: 'text',
            title: 'Khi nghi ngờ bị lừa đảo',
            estimatedMinutes: 4,
            body: '<p>Dừng mọi giao dịch, gọi ngay cho ngân hàng để khoá tài khoản, đổi mật khẩu và báo cho công an xã, phường gần nhất.</p><p>Kể cho người thân để họ cũng cảnh giác.</p>',
            competencies: [{ competency: 'digcomp-2.2:4.2', level: 2 }],
          },
        ],
      },
    ],
  },
  {
    slug: 'dich-vu-cong-truc-tuyen-va-vneid',
    language: 'vi',
    title: 'Dịch vụ công trực tuyến và VNeID',
    summary: 'Tài khoản định danh điện tử VNeID, nộp hồ sơ trên Cổng Dịch vụ công quốc gia và theo dõi kết quả mà không cần đến trụ sở.',
    translations: {
      en: {
        title: 'Online public services and VNeID',
        summary: 'The VNeID electronic identity account, filing applications on the National Public Service Portal and following their progress without a trip to the office.',
      },
    },
    targetGroups: ['officials', 'citizens'],
    level: 'basic',
    modules: [
      {
        title: 'Định danh điện tử',
        lessons: [
          {
            kind: 'text',
            title: 'Tài khoản định danh điện tử mức 2',
            estimatedMinutes: 6,
            body: '<p>Tài khoản VNeID mức 2 được cấp tại công an xã, phường khi làm căn cước. Với tài khoản này, bạn đăng nhập Cổng Dịch vụ công quốc gia mà không cần tạo tài khoản mới.</p><p>Giữ bí mật mật khẩu và mã kích hoạt; không đăng nhập hộ người khác.</p>',
            competencies: [{ competency: 'vn-757-2025:2.6', level: 2 }, { competency: 'vn-757-2025:2.3', level: 1 }],
          },
        ],
      },
      {
        title: 'Nộp hồ sơ trực tuyến',
        lessons: [
          {
            kind: 'text',
            title: 'Tìm và nộp một thủ tục',
            estimatedMinutes: 8,
            body: '<p>Trên Cổng Dịch vụ công, gõ tên thủ tục vào ô tìm kiếm (ví dụ: đăng ký khai sinh), chọn đúng cơ quan, điền tờ khai và đính kèm ảnh giấy tờ.</p><p>Sau khi nộp, ghi lại <strong>mã hồ sơ</strong> để tra cứu kết quả.</p>',
            competencies: [{ competency: 'vn-757-2025:2.3', level: 2 }, { competency: 'vn-757-2025:1.1', level: 2 }],
          },
          {
            kind: 'text',
            title: 'Hướng dẫn người dân tại bộ phận một cửa',
            estimatedMinutes: 7,
            body: '<p>Cán bộ một cửa hướng dẫn người dân tự thao tác trên điện thoại của mình, thay vì làm hộ, để lần sau họ tự làm được.</p><p>Nhắc người dân không chụp ảnh mã OTP hay mật khẩu gửi cho người khác.</p>',
            competencies: [{ competency: 'vn-757-2025:2.3', level: 3 }, { competency: 'vn-757-2025:4.2', level: 2 }],
          },
        ],
      },
    ],
  },
  {
    slug: 'thanh-toan-khong-dung-tien-mat',
    language: 'vi',
    title: 'Thanh toán không dùng tiền mặt',
    summary: 'Dùng ứng dụng ngân hàng và mã QR để bán hàng, thanh toán hoá đơn và tiết kiệm số, dành cho người lao động và tiểu thương.',
    translations: {
      en: {
        title: 'Cashless payment',
        summary: 'Using a banking app and QR codes to sell, pay bills and save digitally, for workers and small traders.',
      },
    },
    targetGroups: ['workers', 'citizens'],
    level: 'basic',
    modules: [
      {
        title: 'Chuyển khoản và mã QR',
        lessons: [
          {
            kind: 'text',
            title: 'Nhận tiền bằng mã QR',
            estimatedMinutes: 5,
            body: '<p>In mã QR tài khoản từ ứng dụng ngân hàng và đặt ở quầy. Khi khách chuyển khoản, chỉ giao hàng sau khi <strong>thông báo biến động số dư</strong> của ngân hàng báo tiền đã vào.</p><p>Ảnh chụp màn hình chuyển khoản của khách có thể bị làm giả.</p>',
            competencies: [{ competency: 'vn-757-2025:2.3', level: 2 }, { competency: 'vn-757-2025:4.2', level: 2 }],
          },
          {
            kind: 'text',
            title: 'Thanh toán hoá đơn điện, nước',
            estimatedMinutes: 5,
            body: '<p>Trong ứng dụng ngân hàng, chọn <strong>Thanh toán hoá đơn</strong>, chọn nhà cung cấp và nhập mã khách hàng in trên hoá đơn. Kiểm tra tên chủ hộ trước khi xác nhận.</p>',
            competencies: [{ competency: 'vn-757-2025:2.3', level: 2 }],
          },
        ],
      },
      {
        title: 'Tiết kiệm số',
        lessons: [
          {
            kind: 'text',
            title: 'Gửi tiết kiệm trực tuyến',
            estimatedMinutes: 6,
            body: '<p>Nhiều ngân hàng cho mở sổ tiết kiệm ngay trên ứng dụng, lãi suất thường cao hơn gửi tại quầy. Tiền gửi vẫn được bảo hiểm như tiết kiệm thông thường.</p>',
            competencies: [{ competency: 'vn-757-2025:2.3', level: 2 }, { competency: 'vn-757-2025:5.3', level: 1 }],
          },
        ],
      },
    ],
  },
  {
    slug: 'hoc-tap-an-toan-tren-mang',
    language: 'vi',
    title: 'Học tập và ứng xử an toàn trên mạng',
    summary: 'Tìm kiếm và đánh giá thông tin, bảo vệ tài khoản, ứng xử văn minh trên mạng xã hội và dùng trí tuệ nhân tạo có trách nhiệm.',
    translations: {
      en: {
        title: 'Learning and behaving safely online',
        summary: 'Finding and judging information, protecting accounts, behaving well on social media and using artificial intelligence responsibly.',
      },
    },
    targetGroups: ['students'],
    level: 'basic',
    modules: [
      {
        title: 'Thông tin trên mạng',
        lessons: [
          {
            kind: 'text',
            title: 'Kiểm chứng thông tin',
            estimatedMinutes: 6,
            body: '<p>Trước khi chia sẻ, hãy hỏi: Ai viết? Viết khi nào? Có nguồn chính thống nào khác đưa tin không?</p><p>Tin giật gân, kêu gọi chia sẻ gấp thường là tin giả.</p>',
            competencies: [{ competency: 'vn-moet-learners-2025:1.2', level: 2 }],
          },
          {
            kind: 'text',
            title: 'Dùng trí tuệ nhân tạo có trách nhiệm',
            estimatedMinutes: 6,
            body: '<p>Công cụ AI có thể trả lời sai. Dùng AI để gợi ý và giải thích, nhưng tự kiểm tra lại và ghi rõ khi bài làm có sự hỗ trợ của AI.</p><p>Không đưa thông tin cá nhân của mình hay của bạn bè vào công cụ AI.</p>',
            competencies: [{ competency: 'vn-moet-learners-2025:6.2', level: 2 }, { competency: 'vn-moet-learners-2025:6.3', level: 2 }],
          },
        ],
      },
      {
        title: 'Tài khoản và mạng xã hội',
        lessons: [
          {
            kind: 'text',
            title: 'Mật khẩu mạnh và xác thực hai lớp',
            estimatedMinutes: 5,
            body: '<p>Dùng cụm mật khẩu dài, khác nhau cho mỗi tài khoản, và bật xác thực hai lớp. Không chia sẻ mật khẩu, kể cả với bạn thân.</p>',
            competencies: [{ competency: 'vn-moet-learners-2025:4.2', level: 2 }, { competency: 'vn-moet-learners-2025:2.6', level: 2 }],
          },
        ],
      },
    ],
  },
];
