import type { CompetencyTarget, FrameworkPin } from '@hocso/curriculum';
import type { CourseLevel, CourseTranslations, TargetGroup } from '../catalog/course-version.entity';
import type { LessonKind } from '../catalog/lesson.entity';
import type { DemoCard } from './demo-video';

export interface DemoLesson {
  kind: LessonKind;
  title: string;
  /** English title (lesson translations). */
  titleEn?: string;
  estimatedMinutes: number;
  body: string;
  /**
   * What the lesson teaches (a quiz or practice lesson: assesses), as `@hocso/curriculum` refs
   * and levels; checked with `validateMapping` before anything is written.
   */
  competencies?: CompetencyTarget[];
  /** A video lesson: the title cards its short video is made of (ffmpeg, at import) and its captions. */
  cards?: DemoCard[];
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
  modules: { title: string; titleEn?: string; lessons: DemoLesson[] }[];
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
      {
        title: 'Xem lại và tự kiểm tra',
        titleEn: 'Review and check yourself',
        lessons: [
          {
            kind: 'video',
            title: 'Bốn thói quen giữ điện thoại an toàn',
            titleEn: 'Four habits that keep your phone safe',
            estimatedMinutes: 1,
            body: '<p>Video ngắn nhắc lại những điều quan trọng nhất của khoá học. Bật phụ đề nếu bạn đang ở nơi đông người.</p>',
            competencies: [{ competency: 'digcomp-2.2:4.1', level: 2 }],
            cards: [
              { vi: 'Dùng điện thoại thông minh an toàn', en: 'Using a smartphone safely' },
              { vi: '1. Đặt mã khoá màn hình ít nhất 6 chữ số', en: '1. Set a screen lock of at least 6 digits' },
              { vi: '2. Cập nhật phần mềm khi có thông báo', en: '2. Update the software when asked' },
              { vi: '3. Chỉ cài ứng dụng từ CH Play hoặc App Store', en: '3. Install apps only from Google Play or the App Store' },
            ],
          },
          {
            kind: 'quiz',
            title: 'Bài kiểm tra nhanh',
            titleEn: 'Quick quiz',
            estimatedMinutes: 5,
            body: '<p>Năm câu hỏi ngắn về mở khoá, kết nối mạng và bảo vệ điện thoại. Cần trả lời đúng 70% để hoàn thành bài.</p>',
            competencies: [{ competency: 'digcomp-2.2:4.1', level: 2 }, { competency: 'vn-757-2025:0.1', level: 2 }],
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
      {
        title: 'Xem lại và tự kiểm tra',
        titleEn: 'Review and check yourself',
        lessons: [
          {
            kind: 'video',
            title: 'Ba câu hỏi trước khi chuyển tiền',
            titleEn: 'Three questions before sending money',
            estimatedMinutes: 1,
            body: '<p>Video ngắn nhắc lại những điều quan trọng nhất của khoá học. Bật phụ đề nếu bạn đang ở nơi đông người.</p>',
            competencies: [{ competency: 'digcomp-2.2:4.2', level: 2 }],
            cards: [
              { vi: 'Nhận biết lừa đảo trực tuyến', en: 'Recognising online fraud' },
              { vi: 'Ai đang yêu cầu tôi? Tôi đã tự gọi lại số chính thức chưa?', en: 'Who is asking? Have I called the official number myself?' },
              { vi: 'Có ai đòi mã OTP hay mật khẩu không? Nếu có: dừng lại.', en: 'Is anyone asking for an OTP or password? If so: stop.' },
              { vi: 'Bị lừa? Gọi ngân hàng ngay và báo công an xã, phường.', en: 'Scammed? Call your bank at once and tell the commune police.' },
            ],
          },
          {
            kind: 'quiz',
            title: 'Bài kiểm tra nhanh',
            titleEn: 'Quick quiz',
            estimatedMinutes: 5,
            body: '<p>Các tình huống lừa đảo thường gặp: bạn sẽ làm gì? Cần trả lời đúng 70% để hoàn thành bài.</p>',
            competencies: [{ competency: 'digcomp-2.2:4.2', level: 2 }, { competency: 'digcomp-2.2:1.2', level: 2 }],
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
      {
        title: 'Xem lại và tự kiểm tra',
        titleEn: 'Review and check yourself',
        lessons: [
          {
            kind: 'video',
            title: 'Nộp hồ sơ trực tuyến trong bốn bước',
            titleEn: 'Filing an application online in four steps',
            estimatedMinutes: 1,
            body: '<p>Video ngắn nhắc lại những điều quan trọng nhất của khoá học. Bật phụ đề nếu bạn đang ở nơi đông người.</p>',
            competencies: [{ competency: 'vn-757-2025:2.3', level: 2 }],
            cards: [
              { vi: 'Dịch vụ công trực tuyến và VNeID', en: 'Online public services and VNeID' },
              { vi: '1. Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID', en: '1. Sign in to the public service portal with VNeID' },
              { vi: '2. Tìm thủ tục, điền tờ khai, đính kèm ảnh giấy tờ', en: '2. Find the procedure, fill in the form, attach photos of documents' },
              { vi: '3. Nộp và ghi lại mã hồ sơ để tra cứu kết quả', en: '3. Submit and note the application code to follow it' },
            ],
          },
          {
            kind: 'quiz',
            title: 'Bài kiểm tra nhanh',
            titleEn: 'Quick quiz',
            estimatedMinutes: 5,
            body: '<p>Kiểm tra hiểu biết về tài khoản định danh điện tử và các bước nộp hồ sơ trực tuyến. Cần trả lời đúng 70% để hoàn thành bài.</p>',
            competencies: [{ competency: 'vn-757-2025:2.3', level: 2 }, { competency: 'vn-757-2025:2.6', level: 2 }],
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
      {
        title: 'Xem lại và tự kiểm tra',
        titleEn: 'Review and check yourself',
        lessons: [
          {
            kind: 'video',
            title: 'Bán hàng bằng mã QR an toàn',
            titleEn: 'Selling safely with a QR code',
            estimatedMinutes: 1,
            body: '<p>Video ngắn nhắc lại những điều quan trọng nhất của khoá học. Bật phụ đề nếu bạn đang ở nơi đông người.</p>',
            competencies: [{ competency: 'vn-757-2025:2.3', level: 2 }],
            cards: [
              { vi: 'Thanh toán không dùng tiền mặt', en: 'Cashless payment' },
              { vi: 'Đặt mã QR tài khoản của bạn ở quầy', en: 'Put your account QR code at the counter' },
              { vi: 'Chờ thông báo của ngân hàng rồi mới giao hàng', en: 'Wait for the bank notification before handing over goods' },
              { vi: 'Ảnh chụp màn hình chuyển khoản có thể là giả', en: 'A screenshot of a transfer may be fake' },
            ],
          },
          {
            kind: 'quiz',
            title: 'Bài kiểm tra nhanh',
            titleEn: 'Quick quiz',
            estimatedMinutes: 5,
            body: '<p>Tình huống khi bán hàng và thanh toán bằng điện thoại. Cần trả lời đúng 70% để hoàn thành bài.</p>',
            competencies: [{ competency: 'vn-757-2025:2.3', level: 2 }, { competency: 'vn-757-2025:4.2', level: 2 }],
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
      {
        title: 'Xem lại và tự kiểm tra',
        titleEn: 'Review and check yourself',
        lessons: [
          {
            kind: 'video',
            title: 'Trước khi chia sẻ một tin',
            titleEn: 'Before you share a post',
            estimatedMinutes: 1,
            body: '<p>Video ngắn nhắc lại những điều quan trọng nhất của khoá học. Bật phụ đề nếu bạn đang ở nơi đông người.</p>',
            competencies: [{ competency: 'vn-moet-learners-2025:1.2', level: 2 }],
            cards: [
              { vi: 'Học tập và ứng xử an toàn trên mạng', en: 'Learning and behaving safely online' },
              { vi: 'Ai viết? Viết khi nào?', en: 'Who wrote it? When?' },
              { vi: 'Có nguồn chính thống nào khác đưa tin không?', en: 'Does any other reliable source report it?' },
              { vi: 'Tin giật gân, kêu gọi chia sẻ gấp: thường là tin giả', en: 'Sensational, "share now!": usually fake' },
            ],
          },
          {
            kind: 'quiz',
            title: 'Bài kiểm tra nhanh',
            titleEn: 'Quick quiz',
            estimatedMinutes: 5,
            body: '<p>Kiểm chứng thông tin, bảo vệ tài khoản và dùng AI có trách nhiệm. Cần trả lời đúng 70% để hoàn thành bài.</p>',
            competencies: [{ competency: 'vn-moet-learners-2025:1.2', level: 2 }, { competency: 'vn-moet-learners-2025:4.2', level: 2 }],
          },
        ],
      },
    ],
  },
  {
    slug: 'an-toan-thong-tin-trong-cong-vu',
    language: 'vi',
    title: 'An toàn thông tin trong công việc: thư điện tử, văn bản và dữ liệu cá nhân',
    summary: 'Dành cho cán bộ, công chức, viên chức: nhận biết thư điện tử giả mạo, gửi và lưu văn bản đúng kênh, bảo vệ dữ liệu cá nhân của người dân mà cơ quan đang giữ.',
    translations: {
      en: {
        title: 'Information security at work: e-mail, documents and personal data',
        summary: 'For officials and public employees: recognising fake e-mails, sending and keeping documents through the right channels, and protecting the personal data of citizens that the office holds.',
      },
    },
    targetGroups: ['officials'],
    level: 'basic',
    modules: [
      {
        title: 'Thư điện tử công vụ',
        titleEn: 'Official e-mail',
        lessons: [
          {
            kind: 'text',
            title: 'Nhận biết thư điện tử giả mạo',
            titleEn: 'Recognising fake e-mails',
            estimatedMinutes: 6,
            body: '<p>Thư giả mạo thường mạo danh cấp trên, cơ quan cấp trên hoặc bộ phận kỹ thuật, giục bạn mở tệp đính kèm, bấm đường link hay "xác nhận lại mật khẩu hộp thư".</p><ul><li>Xem kỹ <strong>địa chỉ người gửi</strong>, không chỉ tên hiển thị: tên miền lạ hoặc gần giống tên miền của cơ quan là dấu hiệu giả mạo.</li><li>Không mở tệp đuôi .exe, .js, .zip có mật khẩu hay tài liệu đòi "bật macro".</li><li>Khi nghi ngờ, gọi điện hỏi lại người gửi bằng số bạn đã biết, và báo cho bộ phận công nghệ thông tin.</li></ul>',
            competencies: [{ competency: 'vn-757-2025:4.1', level: 2 }, { competency: 'vn-757-2025:2.1', level: 2 }],
          },
          {
            kind: 'text',
            title: 'Mật khẩu và xác thực hai lớp cho tài khoản công vụ',
            titleEn: 'Passwords and two-step verification for work accounts',
            estimatedMinutes: 5,
            body: '<p>Tài khoản thư công vụ và hệ thống quản lý văn bản chứa thông tin của cả cơ quan. Dùng mật khẩu dài, không trùng với tài khoản cá nhân, và bật xác thực hai lớp nếu hệ thống hỗ trợ.</p><p>Không dán mật khẩu lên màn hình, không nhờ đồng nghiệp đăng nhập hộ. Khoá máy tính (phím <strong>Windows + L</strong>) mỗi khi rời bàn làm việc.</p>',
            competencies: [{ competency: 'vn-757-2025:2.6', level: 2 }, { competency: 'vn-757-2025:4.1', level: 2 }],
          },
        ],
      },
      {
        title: 'Văn bản và dữ liệu cá nhân',
        titleEn: 'Documents and personal data',
        lessons: [
          {
            kind: 'text',
            title: 'Gửi và lưu văn bản đúng kênh',
            titleEn: 'Sending and keeping documents through the right channels',
            estimatedMinutes: 6,
            body: '<p>Văn bản công việc gửi qua <strong>hệ thống quản lý văn bản và điều hành</strong> hoặc thư điện tử công vụ của cơ quan, không qua tài khoản mạng xã hội hay hộp thư cá nhân.</p><ul><li>Văn bản mật không soạn thảo, lưu trữ hay gửi trên máy tính có kết nối Internet.</li><li>Trước khi gửi, kiểm tra lại người nhận, nhất là khi hộp thư tự gợi ý địa chỉ.</li><li>Thư mục dùng chung: chỉ chia sẻ cho đúng người cần, và thu hồi quyền khi không còn cần.</li></ul>',
            competencies: [{ competency: 'vn-757-2025:2.2', level: 2 }, { competency: 'vn-757-2025:2.4', level: 2 }],
          },
          {
            kind: 'text',
            title: 'Bảo vệ dữ liệu cá nhân của người dân',
            titleEn: 'Protecting citizens\' personal data',
            estimatedMinutes: 7,
            body: '<p>Hồ sơ người dân nộp cho cơ quan có số định danh, địa chỉ, số điện thoại, đôi khi cả thông tin sức khoẻ. Pháp luật về bảo vệ dữ liệu cá nhân yêu cầu chỉ thu thập và dùng dữ liệu <strong>đúng mục đích</strong>, và giữ an toàn cho dữ liệu đó.</p><ul><li>Không chụp, gửi ảnh giấy tờ của người dân qua nhóm chat.</li><li>Danh sách có thông tin cá nhân: chỉ gửi phần cần thiết, che bớt số định danh khi có thể.</li><li>Lộ dữ liệu (gửi nhầm, mất máy): báo ngay cho lãnh đạo và bộ phận công nghệ thông tin.</li></ul>',
            competencies: [{ competency: 'vn-757-2025:4.2', level: 2 }],
          },
        ],
      },
      {
        title: 'Xem lại và tự kiểm tra',
        titleEn: 'Review and check yourself',
        lessons: [
          {
            kind: 'video',
            title: 'Ba việc trước khi bấm Gửi',
            titleEn: 'Three checks before you press Send',
            estimatedMinutes: 1,
            body: '<p>Video ngắn nhắc lại những điều quan trọng nhất của khoá học. Bật phụ đề nếu bạn đang ở nơi đông người.</p>',
            competencies: [{ competency: 'vn-757-2025:4.2', level: 2 }],
            cards: [
              { vi: 'An toàn thông tin trong công việc', en: 'Information security at work' },
              { vi: '1. Người nhận có đúng không?', en: '1. Is the recipient right?' },
              { vi: '2. Có dữ liệu cá nhân nào không cần gửi?', en: '2. Is there personal data that need not be sent?' },
              { vi: '3. Đây có phải kênh công vụ của cơ quan không?', en: '3. Is this the office\'s official channel?' },
            ],
          },
          {
            kind: 'quiz',
            title: 'Bài kiểm tra nhanh',
            titleEn: 'Quick quiz',
            estimatedMinutes: 5,
            body: '<p>Tình huống về thư điện tử, văn bản và dữ liệu cá nhân ở cơ quan. Cần trả lời đúng 70% để hoàn thành bài.</p>',
            competencies: [{ competency: 'vn-757-2025:4.2', level: 2 }, { competency: 'vn-757-2025:4.1', level: 2 }],
          },
        ],
      },
    ],
  },
];
