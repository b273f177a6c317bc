# 繁體中文網站字串與國家相關資訊。
site-title = 捐血學習中心
national-donation-day = 每年 6 月 14 日的世界捐血人日，向世界各地自願無償捐血的人致上謝意。
