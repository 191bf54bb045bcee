// Seoul demo data: public facts (district codes, names, district office locations, approximate 2024 registered
// population; hospitals with a role in psychiatric emergencies). Demo grade; see README "Demo data".

export interface DistrictFact {
  code: string;
  nameEn: string;
  nameKo: string;
  office: { lat: number; lng: number };
  population: number;
}

const D = (
  code: string,
  nameEn: string,
  nameKo: string,
  lat: number,
  lng: number,
  population: number,
): DistrictFact => ({
  code,
  nameEn,
  nameKo,
  office: { lat, lng },
  population,
});

export const SEOUL_DISTRICTS: readonly DistrictFact[] = [
  D('11110', 'Jongno-gu', '종로구', 37.5735, 126.9788, 149608),
  D('11140', 'Jung-gu', '중구', 37.5641, 126.9979, 131214),
  D('11170', 'Yongsan-gu', '용산구', 37.5326, 126.9905, 217194),
  D('11200', 'Seongdong-gu', '성동구', 37.5634, 127.0368, 281289),
  D('11215', 'Gwangjin-gu', '광진구', 37.5385, 127.0823, 348652),
  D('11230', 'Dongdaemun-gu', '동대문구', 37.5744, 127.0399, 358603),
  D('11260', 'Jungnang-gu', '중랑구', 37.6063, 127.0926, 385349),
  D('11290', 'Seongbuk-gu', '성북구', 37.5894, 127.0167, 435037),
  D('11305', 'Gangbuk-gu', '강북구', 37.6397, 127.0256, 289374),
  D('11320', 'Dobong-gu', '도봉구', 37.6688, 127.0471, 306032),
  D('11350', 'Nowon-gu', '노원구', 37.6542, 127.0568, 496552),
  D('11380', 'Eunpyeong-gu', '은평구', 37.6027, 126.9291, 465350),
  D('11410', 'Seodaemun-gu', '서대문구', 37.5791, 126.9368, 318622),
  D('11440', 'Mapo-gu', '마포구', 37.5663, 126.9019, 372745),
  D('11470', 'Yangcheon-gu', '양천구', 37.517, 126.8664, 434351),
  D('11500', 'Gangseo-gu', '강서구', 37.5509, 126.8495, 562194),
  D('11530', 'Guro-gu', '구로구', 37.4954, 126.8874, 411916),
  D('11545', 'Geumcheon-gu', '금천구', 37.4519, 126.8955, 239070),
  D('11560', 'Yeongdeungpo-gu', '영등포구', 37.5264, 126.8962, 397173),
  D('11590', 'Dongjak-gu', '동작구', 37.5124, 126.9393, 387352),
  D('11620', 'Gwanak-gu', '관악구', 37.4784, 126.9516, 495620),
  D('11650', 'Seocho-gu', '서초구', 37.4837, 127.0324, 413076),
  D('11680', 'Gangnam-gu', '강남구', 37.5172, 127.0473, 563215),
  D('11710', 'Songpa-gu', '송파구', 37.5145, 127.1059, 656310),
  D('11740', 'Gangdong-gu', '강동구', 37.5301, 127.1238, 481474),
];

export interface HospitalFact {
  code: string;
  nameEn: string;
  nameKo: string;
  district: string;
  location: { lat: number; lng: number };
  /** Psychiatric emergency beds for the demo board; null where the hospital only does medical clearance. */
  demoBeds: number | null;
}

export const SEOUL_HOSPITALS: readonly HospitalFact[] = [
  {
    code: 'H-SMC',
    nameEn: 'Seoul Medical Center',
    nameKo: '서울의료원',
    district: 'Jungnang-gu',
    location: { lat: 37.6129, lng: 127.0981 },
    demoBeds: 4,
  },
  {
    code: 'H-EUNPYEONG',
    nameEn: 'Seoul Metropolitan Eunpyeong Hospital',
    nameKo: '서울특별시 은평병원',
    district: 'Eunpyeong-gu',
    location: { lat: 37.5942, lng: 126.9233 },
    demoBeds: 6,
  },
  {
    code: 'H-BORAMAE',
    nameEn: 'SMG-SNU Boramae Medical Center',
    nameKo: '보라매병원',
    district: 'Dongjak-gu',
    location: { lat: 37.4937, lng: 126.924 },
    demoBeds: 2,
  },
  {
    code: 'H-NCMH',
    nameEn: 'National Center for Mental Health',
    nameKo: '국립정신건강센터',
    district: 'Gwangjin-gu',
    location: { lat: 37.5657, lng: 127.0854 },
    demoBeds: 3,
  },
  {
    code: 'H-NMC',
    nameEn: 'National Medical Center',
    nameKo: '국립중앙의료원',
    district: 'Jung-gu',
    location: { lat: 37.5672, lng: 127.0057 },
    demoBeds: null,
  },
  {
    code: 'H-SNUH',
    nameEn: 'Seoul National University Hospital',
    nameKo: '서울대학교병원',
    district: 'Jongno-gu',
    location: { lat: 37.5797, lng: 126.999 },
    demoBeds: null,
  },
  {
    code: 'H-SEVERANCE',
    nameEn: 'Severance Hospital',
    nameKo: '세브란스병원',
    district: 'Seodaemun-gu',
    location: { lat: 37.5623, lng: 126.9408 },
    demoBeds: null,
  },
  {
    code: 'H-ASAN',
    nameEn: 'Asan Medical Center',
    nameKo: '서울아산병원',
    district: 'Songpa-gu',
    location: { lat: 37.5266, lng: 127.1079 },
    demoBeds: null,
  },
  {
    code: 'H-SAMSUNG',
    nameEn: 'Samsung Medical Center',
    nameKo: '삼성서울병원',
    district: 'Gangnam-gu',
    location: { lat: 37.4883, lng: 127.0852 },
    demoBeds: null,
  },
  {
    code: 'H-KUANAM',
    nameEn: 'Korea University Anam Hospital',
    nameKo: '고려대학교 안암병원',
    district: 'Seongbuk-gu',
    location: { lat: 37.587, lng: 127.0264 },
    demoBeds: null,
  },
];
