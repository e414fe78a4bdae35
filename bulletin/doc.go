// Package bulletin reads the figures a statistical bulletin (统计公报), a
// government work report (政府工作报告) or an environment bulletin
// (生态环境状况公报) states for a plan's indicators, from a document as
// package document gives it.
//
// An indicator is found by its names: the plan's own Chinese name and the
// names of its concept in the shared vocabulary (fyp/seeds/vocabulary). A
// sentence is read clause by clause (at commas, and at 、 before a change:
// 760亿元、增长5.6%); a clause without a name (比上年增长7.0%) speaks of the
// last indicator named in the sentence, or in the one before a semicolon. A
// repost in traditional characters (地區生產總值), with or without each
// character's pinyin after it (國(guó)), is read in simplified characters and
// its figures say so; a heading run into its paragraph (人口年末常住人口…) is
// skipped; spaces between Chinese characters (a PDF's text: 人均地区生
// 产总值) are dropped, and of a table run into the text only the cells after
// the last number stand before a name. The idioms read:
//
//   - a level (全年实现地区生产总值1401.59亿元, 年末全区常住人口133.45万人),
//     converted to the plan's unit exactly (元→万元, 人→万人, 亿美元,
//     公顷→万亩 at 15亩 a 公顷);
//     money levels are at current prices;
//   - growth over the previous year (比上年增长7.0%, 下降 and 减少 as
//     negative, 增长1.5倍 as 150 %; 比2021年 in a bulletin of 2022 is the
//     previous year), at comparable prices when the sentence
//     says 按不变价格/可比价格 or 实际增长, or for value added (生产总值,
//     增加值), which bulletins publish in real terms; at current prices
//     otherwise;
//   - the structure of the three sectors (三次产业结构比为9.9:56.2:33.9, 由上年的
//     …调整为…, 由2019年的…调整为…, 第一、二、三产业增加值占生产总值的比重
//     分别为…) as the services share; a share of GDP after a sentence's
//     subject (民营经济增加值…,占全市经济总量的59.7%) or in its own clause
//     (民营经济占GDP的比重为66.2%) as the plan's 民营经济增加值占地区生产总值比重;
//   - a change in percentage points over the previous year
//     (比上年末提高0.94个百分点), or a change in the level's own unit
//     (比上年增加0.91万人, 较上年提高2.45万元), or none (与上年持平), as the
//     previous year's level, marked derived; a year inside a sentence
//     (最终计算2021年全县生产总值…) makes what follows that year's;
//   - an average growth over several years (五年年均增长8.9%, “十三五”时期年均增长,
//     过去五年 heading the paragraph, 与2020年相比两年平均增长2.5%) as one
//     avg_growth observation over the span, and
//     从2016年的695.7亿元增加到2021年的1144.2亿元 as the two levels and the span.
//
// A table of a Word file or a web page (表1 2023年主要经济指标, then 指标 | 单位 |
// 绝对数 | 比上年增长(%)) is read row by row: a row whose name cell is an
// indicator's name gives the level of a column of levels in the row's,
// the name's, the column's or the caption's unit, and the growth of a
// column of growth; the year is the column's, the caption's or the
// header's (without one, the document's, marked review); the note names
// the table's caption, row and column (table.go). A text's table with its
// cells between | (as reposts print them), or a PDF's with its columns two
// spaces or more apart (pdftotext -layout), is read the same way, each row
// its own line; columns one space apart are not told from words, and are
// read as text. A table whose cells hold sentences lays out a page: its
// rows are read as paragraphs. A table with places as rows and indicators
// as columns (区县 | 地区生产总值(亿元) | 比上年增长(%), as a city's bulletin
// prints its districts) gives the row of the plan's place, or without one
// the document's own (全市, 全区), each column naming an indicator its level
// or growth; the other places' rows are neither read nor listed (places.go).
//
// Targets are not outcomes: a sentence with 力争, 预期目标, 今后五年, 到2025年 …
// is not read (a Warning names it). Nor is part of a year or a running
// total: 截至 a date inside the year, 1—10月, 前10个月, 前三季度, 上半年, 一季度,
// 9月末, 今年以来, 累计, 至此, or a title such as 2023年1—10月…主要经济指标 (a
// Warning names each; fyp review does not read the note, so a row marked
// review would still be used). 全年累计, 1—12月, 12月末 and 截至2022年底 cover
// the year, the last read as 2022's.
//
// A name qualified by what stands before it (城镇常住人口, 城镇居民人均可支配收入,
// 城镇新增就业人员, 人均地区生产总值) is another indicator, and an alias that
// drops the plan's 规模以上 (工业增加值 for 规模以上工业增加值) is another
// concept in a bulletin. A place standing as the subject (珞璜临港产业城开行…,
// 江津综保区实现…, 德感街道…) makes the figure that place's: it is read only
// when the indicator's name itself names the plan's place (西部陆海新通道江津班列
// for 重庆市江津区: whoever runs them, they are the district's trains;
// Indicator.Local), and is a Warning otherwise. 高新区, 综保区, 双福新区, 工业园区
// are parts of a district, not the district.
//
// The year is the document's (2023年…统计公报; a work report of 2024, titled
// so or headed 2024年1月10日在…人民代表大会…上, speaks of 2023) unless a sentence starts with its own year or the caller gives one;
// a year named earlier in the sentence (6、江津区:2021年,江津区常住人口…)
// is its subject's. A district or county standing as the subject
// (九龙坡区常住人口…) that is neither Options.Place nor the one the
// document's first line names is a place of its own. The document's own
// place (the plan's, the title's, a district the first line names, or,
// failing those, a news report's dateline: 中新网 重庆5月31日电) standing as
// the subject with or without its rank or as an area (重庆空气质量…,
// 重庆市地区生产总值…, 城中地区…) is the document itself, as 全市 is; a higher
// level of the plan's place (重庆 for 重庆市江津区) is not. A list under a
// heading that names an indicator (重庆各区人口:(第七次全国人口普查数据), then
// 14、江津区:1359611) gives the own place's item, in the item's or the
// heading's unit, a census count without one in persons, in the census's
// year and marked review (a count of 1 November); the other places' items
// are neither read nor listed. A numbered item that names an indicator
// with its figure (1、地区生产总值:1401.59亿元, (一)常住人口133.45万人, 一、…)
// is a sentence, read with its number dropped; a unit in brackets after a
// name (地区生产总值(亿元):1401.59) is the figure's. A period opening a
// paragraph (前三季度,…) covers its later sentences; 累计 and 至此 only
// their own.
//
// Nothing is guessed: a figure read with doubt (约, 左右, 预计 earlier in its
// sentence, every figure after 预计(下同), an integer percentage outside a
// bulletin) carries "review" in its note; a figure next to a plan's name
// that the reader cannot interpret is returned as a Warning with its clause, and so is every
// sentence that names an indicator beside a figure (a number and its unit)
// and gives nothing for it, whatever the reason.
//
// Measured by TestMeasure on forty-four real excerpts (testdata/measure):
// 200 of the 200 figures a careful reader takes for jiangjin-14's
// indicators found, none wrong; the thirteen of the second blind round gave 35 of 75
// and two wrong before the reader was changed for them, the five read
// blind after that change 27 of 32 and none wrong, the ten Jiangjin texts
// read blind after them 0 of 5 and six wrong, the three last 22 of 29 and
// none wrong.
package bulletin
