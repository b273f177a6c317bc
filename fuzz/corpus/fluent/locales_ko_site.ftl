# 한국어 사이트 문자열과 국가 관련 정보.
site-title = 헌혈 학습 센터
national-donation-day = 한국에서는 매달 13일이 국가 헌혈의 날입니다.
