import type { Framework } from '../types';

/**
 * DigComp 2.2 — The Digital Competence Framework for Citizens (European Commission, JRC, 2022).
 * 5 areas, 21 competences, 8 proficiency levels. English names and descriptions follow the JRC
 * publication (CC BY 4.0); the Vietnamese texts are this project's translations.
 */
export const DIGCOMP_2_2: Framework = {
  id: 'digcomp-2.2',
  version: '2.2.0',
  name: {
    vi: 'Khung năng lực số cho công dân DigComp 2.2',
    en: 'DigComp 2.2: The Digital Competence Framework for Citizens',
  },
  shortName: { vi: 'DigComp 2.2', en: 'DigComp 2.2' },
  status: 'active',
  source: {
    title: {
      vi: 'DigComp 2.2: Khung năng lực số cho công dân — kèm ví dụ mới về kiến thức, kỹ năng và thái độ',
      en: 'DigComp 2.2: The Digital Competence Framework for Citizens — With new examples of knowledge, skills and attitudes',
    },
    issuer: { vi: 'Trung tâm Nghiên cứu chung (JRC), Ủy ban châu Âu', en: 'Joint Research Centre (JRC), European Commission' },
    reference: 'EUR 31006 EN, doi:10.2760/115376',
    issued: '2022-03-17',
    url: 'https://publications.jrc.ec.europa.eu/repository/handle/JRC128415',
    licence: 'CC BY 4.0',
  },
  verification: 'official',
  levels: [
    {
      level: 1, code: '1', name: { vi: 'Cơ bản 1', en: 'Foundation 1' }, band: { vi: 'Cơ bản', en: 'Foundation' },
      description: { vi: 'Nhiệm vụ đơn giản, cần có hướng dẫn; ghi nhớ.', en: 'Simple tasks, with guidance; remembering.' },
    },
    {
      level: 2, code: '2', name: { vi: 'Cơ bản 2', en: 'Foundation 2' }, band: { vi: 'Cơ bản', en: 'Foundation' },
      description: {
        vi: 'Nhiệm vụ đơn giản, tự làm và có hướng dẫn khi cần; ghi nhớ.',
        en: 'Simple tasks, with autonomy and with guidance where needed; remembering.',
      },
    },
    {
      level: 3, code: '3', name: { vi: 'Trung cấp 3', en: 'Intermediate 3' }, band: { vi: 'Trung cấp', en: 'Intermediate' },
      description: {
        vi: 'Nhiệm vụ rõ ràng, thường xuyên và vấn đề đơn giản, tự mình làm; hiểu.',
        en: 'Well-defined and routine tasks, and straightforward problems, on my own; understanding.',
      },
    },
    {
      level: 4, code: '4', name: { vi: 'Trung cấp 4', en: 'Intermediate 4' }, band: { vi: 'Trung cấp', en: 'Intermediate' },
      description: {
        vi: 'Nhiệm vụ và vấn đề rõ ràng, không thường xuyên, độc lập và theo nhu cầu của mình; hiểu.',
        en: 'Tasks, and well-defined and non-routine problems, independently and according to my needs; understanding.',
      },
    },
    {
      level: 5, code: '5', name: { vi: 'Nâng cao 5', en: 'Advanced 5' }, band: { vi: 'Nâng cao', en: 'Advanced' },
      description: {
        vi: 'Nhiều nhiệm vụ và vấn đề khác nhau, hướng dẫn được người khác; vận dụng.',
        en: 'Different tasks and problems, guiding others; applying.',
      },
    },
    {
      level: 6, code: '6', name: { vi: 'Nâng cao 6', en: 'Advanced 6' }, band: { vi: 'Nâng cao', en: 'Advanced' },
      description: {
        vi: 'Chọn nhiệm vụ phù hợp nhất, thích ứng để hỗ trợ người khác trong bối cảnh phức tạp; đánh giá.',
        en: 'Most appropriate tasks, able to adapt to others in a complex context; evaluating.',
      },
    },
    {
      level: 7, code: '7', name: { vi: 'Chuyên sâu 7', en: 'Highly specialised 7' }, band: { vi: 'Chuyên sâu', en: 'Highly specialised' },
      description: {
        vi: 'Giải quyết vấn đề phức tạp có ít lời giải, đóng góp cho thực hành nghề nghiệp và hướng dẫn người khác; sáng tạo.',
        en: 'Resolve complex problems with limited solutions, integrate to contribute to the professional practice and to guide others; creating.',
      },
    },
    {
      level: 8, code: '8', name: { vi: 'Chuyên sâu 8', en: 'Highly specialised 8' }, band: { vi: 'Chuyên sâu', en: 'Highly specialised' },
      description: {
        vi: 'Giải quyết vấn đề phức tạp có nhiều yếu tố tương tác, đề xuất ý tưởng và quy trình mới cho lĩnh vực; sáng tạo.',
        en: 'Resolve complex problems with many interacting factors, propose new ideas and processes to the field; creating.',
      },
    },
  ],
  areas: [
    {
      code: '1',
      name: { vi: 'Hiểu biết về thông tin và dữ liệu', en: 'Information and data literacy' },
      competencies: [
        {
          code: '1.1',
          name: { vi: 'Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số', en: 'Browsing, searching and filtering data, information and digital content' },
          description: {
            vi: 'Xác định nhu cầu thông tin; tìm kiếm, truy cập và điều hướng giữa dữ liệu, thông tin và nội dung trong môi trường số; tạo và cập nhật chiến lược tìm kiếm của bản thân.',
            en: 'To articulate information needs, to search for data, information and content in digital environments, to access them and to navigate between them. To create and update personal search strategies.',
          },
        },
        {
          code: '1.2',
          name: { vi: 'Đánh giá dữ liệu, thông tin và nội dung số', en: 'Evaluating data, information and digital content' },
          description: {
            vi: 'Phân tích, so sánh và đánh giá phản biện độ tin cậy của nguồn dữ liệu, thông tin và nội dung số; phân tích, diễn giải và đánh giá phản biện chính nội dung đó.',
            en: 'To analyse, compare and critically evaluate the credibility and reliability of sources of data, information and digital content. To analyse, interpret and critically evaluate the data, information and digital content.',
          },
        },
        {
          code: '1.3',
          name: { vi: 'Quản lý dữ liệu, thông tin và nội dung số', en: 'Managing data, information and digital content' },
          description: {
            vi: 'Sắp xếp, lưu trữ và truy xuất dữ liệu, thông tin và nội dung trong môi trường số; tổ chức và xử lý chúng trong một môi trường có cấu trúc.',
            en: 'To organise, store and retrieve data, information and content in digital environments. To organise and process them in a structured environment.',
          },
        },
      ],
    },
    {
      code: '2',
      name: { vi: 'Giao tiếp và hợp tác', en: 'Communication and collaboration' },
      competencies: [
        {
          code: '2.1',
          name: { vi: 'Tương tác thông qua công nghệ số', en: 'Interacting through digital technologies' },
          description: {
            vi: 'Tương tác qua nhiều công nghệ số khác nhau và hiểu phương tiện giao tiếp số phù hợp với từng bối cảnh.',
            en: 'To interact through a variety of digital technologies and to understand appropriate digital communication means for a given context.',
          },
        },
        {
          code: '2.2',
          name: { vi: 'Chia sẻ thông qua công nghệ số', en: 'Sharing through digital technologies' },
          description: {
            vi: 'Chia sẻ dữ liệu, thông tin và nội dung số với người khác qua công nghệ số phù hợp; làm trung gian; biết cách trích dẫn và ghi nguồn.',
            en: 'To share data, information and digital content with others through appropriate digital technologies. To act as an intermediary, to know about referencing and attribution practices.',
          },
        },
        {
          code: '2.3',
          name: { vi: 'Thực hiện quyền công dân thông qua công nghệ số', en: 'Engaging citizenship through digital technologies' },
          description: {
            vi: 'Tham gia xã hội thông qua các dịch vụ số công và tư; tìm cơ hội tự nâng cao năng lực và tham gia với tư cách công dân qua công nghệ số phù hợp.',
            en: 'To participate in society through the use of public and private digital services. To seek opportunities for self-empowerment and for participatory citizenship through appropriate digital technologies.',
          },
        },
        {
          code: '2.4',
          name: { vi: 'Hợp tác thông qua công nghệ số', en: 'Collaborating through digital technologies' },
          description: {
            vi: 'Sử dụng công cụ và công nghệ số cho quá trình hợp tác, cùng xây dựng và cùng tạo ra dữ liệu, tài nguyên và tri thức.',
            en: 'To use digital tools and technologies for collaborative processes, and for co-construction and co-creation of data, resources and knowledge.',
          },
        },
        {
          code: '2.5',
          name: { vi: 'Nghi thức mạng', en: 'Netiquette' },
          description: {
            vi: 'Biết các chuẩn mực hành vi khi dùng công nghệ số và tương tác trong môi trường số; điều chỉnh cách giao tiếp theo người nghe; tôn trọng sự đa dạng văn hóa và thế hệ.',
            en: 'To be aware of behavioural norms and know-how while using digital technologies and interacting in digital environments. To adapt communication strategies to the specific audience and to be aware of cultural and generational diversity in digital environments.',
          },
        },
        {
          code: '2.6',
          name: { vi: 'Quản lý danh tính số', en: 'Managing digital identity' },
          description: {
            vi: 'Tạo và quản lý một hoặc nhiều danh tính số; bảo vệ uy tín của mình; xử lý dữ liệu mình tạo ra qua các công cụ, môi trường và dịch vụ số.',
            en: "To create and manage one or multiple digital identities, to be able to protect one's own reputation, to deal with the data that one produces through several digital tools, environments and services.",
          },
        },
      ],
    },
    {
      code: '3',
      name: { vi: 'Sáng tạo nội dung số', en: 'Digital content creation' },
      competencies: [
        {
          code: '3.1',
          name: { vi: 'Phát triển nội dung số', en: 'Developing digital content' },
          description: {
            vi: 'Tạo và chỉnh sửa nội dung số ở nhiều định dạng; thể hiện bản thân bằng phương tiện số.',
            en: 'To create and edit digital content in different formats, to express oneself through digital means.',
          },
        },
        {
          code: '3.2',
          name: { vi: 'Tích hợp và tái tạo nội dung số', en: 'Integrating and re-elaborating digital content' },
          description: {
            vi: 'Chỉnh sửa, hoàn thiện, cải tiến và tích hợp thông tin, nội dung vào vốn tri thức sẵn có để tạo ra nội dung và tri thức mới, độc đáo và phù hợp.',
            en: 'To modify, refine, improve and integrate information and content into an existing body of knowledge to create new, original and relevant content and knowledge.',
          },
        },
        {
          code: '3.3',
          name: { vi: 'Bản quyền và giấy phép', en: 'Copyright and licences' },
          description: {
            vi: 'Hiểu cách bản quyền và giấy phép áp dụng cho dữ liệu, thông tin và nội dung số.',
            en: 'To understand how copyright and licences apply to data, information and digital content.',
          },
        },
        {
          code: '3.4',
          name: { vi: 'Lập trình', en: 'Programming' },
          description: {
            vi: 'Lập kế hoạch và xây dựng chuỗi chỉ dẫn dễ hiểu cho hệ thống máy tính để giải quyết một vấn đề hoặc thực hiện một nhiệm vụ cụ thể.',
            en: 'To plan and develop a sequence of understandable instructions for a computing system to solve a given problem or perform a specific task.',
          },
        },
      ],
    },
    {
      code: '4',
      name: { vi: 'An toàn', en: 'Safety' },
      competencies: [
        {
          code: '4.1',
          name: { vi: 'Bảo vệ thiết bị', en: 'Protecting devices' },
          description: {
            vi: 'Bảo vệ thiết bị và nội dung số; hiểu rủi ro và mối đe dọa trong môi trường số; biết các biện pháp an toàn, bảo mật và chú ý đến độ tin cậy, quyền riêng tư.',
            en: 'To protect devices and digital content, and to understand risks and threats in digital environments. To know about safety and security measures and to have due regard to reliability and privacy.',
          },
        },
        {
          code: '4.2',
          name: { vi: 'Bảo vệ dữ liệu cá nhân và quyền riêng tư', en: 'Protecting personal data and privacy' },
          description: {
            vi: 'Bảo vệ dữ liệu cá nhân và quyền riêng tư trong môi trường số; biết dùng và chia sẻ thông tin định danh cá nhân mà vẫn bảo vệ được mình và người khác; hiểu rằng dịch vụ số dùng "chính sách quyền riêng tư" để cho biết dữ liệu cá nhân được dùng thế nào.',
            en: "To protect personal data and privacy in digital environments. To understand how to use and share personally identifiable information while being able to protect oneself and others from damages. To understand that digital services use a 'Privacy policy' to inform how personal data is used.",
          },
        },
        {
          code: '4.3',
          name: { vi: 'Bảo vệ sức khỏe và an sinh', en: 'Protecting health and well-being' },
          description: {
            vi: 'Tránh rủi ro sức khỏe và mối đe dọa tới an sinh thể chất, tinh thần khi dùng công nghệ số; bảo vệ mình và người khác trước nguy hiểm trong môi trường số (ví dụ bắt nạt trên mạng); biết đến công nghệ số cho an sinh và hòa nhập xã hội.',
            en: 'To be able to avoid health-risks and threats to physical and psychological well-being while using digital technologies. To be able to protect oneself and others from possible dangers in digital environments (e.g. cyber bullying). To be aware of digital technologies for social well-being and social inclusion.',
          },
        },
        {
          code: '4.4',
          name: { vi: 'Bảo vệ môi trường', en: 'Protecting the environment' },
          description: {
            vi: 'Nhận thức được tác động môi trường của công nghệ số và việc sử dụng chúng.',
            en: 'To be aware of the environmental impact of digital technologies and their use.',
          },
        },
      ],
    },
    {
      code: '5',
      name: { vi: 'Giải quyết vấn đề', en: 'Problem solving' },
      competencies: [
        {
          code: '5.1',
          name: { vi: 'Giải quyết các vấn đề kỹ thuật', en: 'Solving technical problems' },
          description: {
            vi: 'Nhận ra sự cố kỹ thuật khi vận hành thiết bị và dùng môi trường số, và khắc phục chúng (từ xử lý lỗi đơn giản đến vấn đề phức tạp hơn).',
            en: 'To identify technical problems when operating devices and using digital environments, and to solve them (from trouble-shooting to solving more complex problems).',
          },
        },
        {
          code: '5.2',
          name: { vi: 'Xác định nhu cầu và giải pháp công nghệ', en: 'Identifying needs and technological responses' },
          description: {
            vi: 'Đánh giá nhu cầu; xác định, đánh giá, lựa chọn và sử dụng công cụ số và giải pháp công nghệ để đáp ứng; điều chỉnh, tùy biến môi trường số theo nhu cầu cá nhân (ví dụ trợ năng).',
            en: 'To assess needs and to identify, evaluate, select and use digital tools and possible technological responses to solve them. To adjust and customise digital environments to personal needs (e.g. accessibility).',
          },
        },
        {
          code: '5.3',
          name: { vi: 'Sử dụng công nghệ số một cách sáng tạo', en: 'Creatively using digital technologies' },
          description: {
            vi: 'Dùng công cụ và công nghệ số để tạo tri thức, đổi mới quy trình và sản phẩm; cá nhân và cùng nhau tư duy để hiểu và giải quyết vấn đề trong môi trường số.',
            en: 'To use digital tools and technologies to create knowledge and to innovate processes and products. To individually and collectively engage in cognitive processing to understand and resolve conceptual problems and problem situations in digital environments.',
          },
        },
        {
          code: '5.4',
          name: { vi: 'Xác định những thiếu hụt về năng lực số', en: 'Identifying digital competence gaps' },
          description: {
            vi: 'Hiểu năng lực số của mình cần cải thiện hay cập nhật ở đâu; hỗ trợ người khác phát triển năng lực số; tìm cơ hội tự phát triển và theo kịp sự phát triển của công nghệ số.',
            en: "To understand where one's own digital competence needs to be improved or updated. To be able to support others with their digital competence development. To seek opportunities for self-development and to keep up-to-date with the digital evolution.",
          },
        },
      ],
    },
  ],
  notes: [
    'Area and competence names and the eight proficiency levels are those of DigComp 2.2 (JRC, 2022).',
    'English descriptions follow the DigComp 2.2 competence descriptors; level descriptions summarise its proficiency table (complexity of tasks, autonomy, cognitive domain).',
    'Vietnamese names and descriptions are this project\'s translations, not an official translation.',
    'The examples of knowledge, skills and attitudes (incl. the AI-related examples of 2.2) are not included, to keep the data small.',
  ],
};
