"""Owns every message a contributor can be shown about the data, in Chinese and in English."""
from __future__ import annotations

from dataclasses import dataclass

# key: (what is wrong, zh), (what is wrong, en), (how to fix it, zh), (how to fix it, en)
MESSAGES: dict[str, tuple[str, str, str, str]] = {
    "file_missing": ("缺少这个文件", "the file is missing", "新建 {name}", "create {name}"),
    "file_too_large": ("文件超过 {limit}", "the file is larger than {limit}",
                       "拆分它，或删掉不属于这里的内容", "split it or remove what does not belong"),
    "symlink": ("{path} 是符号链接", "{path} is a symbolic link",
                "换成文件本身（构建只读仓库里的普通文件）",
                "replace it with the file itself (the build reads only regular files of the repository)"),
    "not_a_file": ("{name} 不是普通文件（是文件夹或设备）", "{name} is not a regular file (a folder or a device)",
                   "把它换成同名的文本文件，或删掉它", "replace it with a text file of that name, or remove it"),
    "unreadable": ("无法读取这个文件：{problem}", "the file cannot be read: {problem}",
                   "检查文件权限", "check the file's permissions"),
    "not_utf8": ("这里的字节不是 UTF-8 编码", "the bytes here are not UTF-8",
                 "用 UTF-8 编码另存这个文件（编辑器的“编码”菜单）", "save the file as UTF-8, from your editor’s Encoding menu"),
    "line_too_long": ("这一行超过 {limit} 个字符", "this line is longer than {limit} characters",
                      "把它分成几行", "split it into several lines"),
    "label_blank": ("标签里的花括号只能是这个标签会得到的空位：{allowed}",
                    "braces in a label may only be the blanks this label is given: {allowed}",
                    "删掉其他花括号，或改回这些空位之一", "remove the other braces, or use one of those blanks"),
    "tab": ("用了制表符（Tab）", "a tab character is used", "只用空格缩进", "indent with spaces only"),
    "yaml_directive": ("文件里有 %YAML 版本声明", "the file declares a YAML version (%YAML)",
                       "删掉这一行：数据文件一律按 YAML 1.2 读取",
                       "delete that line: data files are always read as YAML 1.2"),
    "yaml_syntax": ("YAML 语法错误：{problem}", "YAML syntax: {problem}",
                    "检查缩进；含有“: ”或“#”的文字请加引号",
                    "check indentation, and put text containing ': ' or '#' in quotes"),
    "missing_language": ("缺少{language_zh}文本", "the {language_en} text is missing",
                         "加上 {lang}: 和文本", "add '{lang}:' with the text"),
    "missing_field": ("缺少字段 {field}", "the field '{field}' is missing", "加上 {field}:",
                      "add '{field}:'"),
    "unknown_field": ("未知字段 {field}", "unknown field '{field}'", "{hint_zh}", "{hint_en}"),
    "bad_id": ("id 格式不对", "not a valid id", "用小写英文单词加连字符，例如 refund-refused",
               "use lowercase ASCII words joined by hyphens, e.g. refund-refused"),
    "bad_date": ("不是日期", "not a date", "日期写成 YYYY-MM-DD", "write the date as YYYY-MM-DD"),
    "need_list": ("这里应该是列表", "a list is expected here", "每项一行，以“- ”开头",
                  "write one item per line, each starting with '- '"),
    "need_mapping": ("这里应该是“键: 值”的结构", "a mapping is expected here",
                     "在下面写“键: 值”行", "write 'key: value' lines under this one"),
    "need_text": ("这里应该是文字", "a text is expected here",
                  "在冒号后写文字；只有数字的文字要加引号",
                  "write the text after the colon; put text that is only digits in quotes"),
    "too_few": ("项目太少", "too few items", "补上这个列表需要的项目", "add the items this list needs"),
    "need_number": ("这里应该是整数", "a whole number is expected", "只写数字，例如 24",
                    "write digits only, e.g. 24"),
    "need_url": ("不是网址", "not a web address", "写完整的 https:// 地址",
                 "write the full https:// address"),
    "not_https": ("网址不是 https", "the address is not https", "用该网页的 https:// 地址",
                  "use the https:// address of the page"),
    "bad_kind": ("kind 只能是 question 或 outcome", "kind must be question or outcome",
                 "写 kind: question 或 kind: outcome", "write kind: question or kind: outcome"),
    "other_value": ("数据不符合要求：{detail}", "the value is not accepted: {detail}",
                    "对照 CONTRIBUTING.zh.md 检查这个字段", "see CONTRIBUTING.md for what this field takes"),
    "empty_text": ("文字是空的", "the text is empty", "写上文字，或删掉这个字段",
                   "write the text, or remove the field"),
    "todo_text": ("文字里还有 TODO", "the text still says TODO", "把 TODO 换成正式内容",
                  "replace TODO with the real text"),
    "raw_html": ("不允许直接写 HTML", "raw HTML is not allowed", "写纯文字；链接用 Markdown",
                 "write plain text; use Markdown for links"),
    "html_entity": ("不允许 HTML 实体", "HTML entities are not allowed", "直接输入字符本身",
                    "type the character itself"),
    "attribute_list": ("不允许 Markdown 属性写法 {{…}}", "Markdown attribute lists {{…}} are not allowed",
                       "删掉花括号里的内容", "remove the part in braces"),
    "bad_scheme": ("不允许脚本或 data 链接", "script or data links are not allowed",
                   "链接到 https:// 网页", "link to an https:// page"),
    "bad_link": ("链接 {target} 不是 https", "the link '{target}' is not https",
                 "链接到 https:// 网页或本站页面", "link to an https:// page or a page of this site"),
    "big_heading": ("一级、二级标题由页面提供", "headings of level 1 and 2 belong to the page",
                    "标题用 ### 或更多 #", "start headings with ### or more"),
    "unknown_ref": ("未知的{kind_zh} {ref}", "unknown {kind_en} '{ref}'", "{hint_zh}", "{hint_en}"),
    "duplicate_id": ("id {id} 用了两次", "the id '{id}' is used twice", "每条记录用自己的 id",
                     "give each record its own id"),
    "unused_group": ("没有情况属于分组 {id}", "no situation belongs to the group '{id}'",
                     "在 complaint_types.yml 里给情况写 group: {id}，或者删掉这个分组",
                     "give a situation 'group: {id}' in complaint_types.yml, or remove the group"),
    "group_is_situation": ("分组 id {id} 和一个情况的 id 相同", "the group id '{id}' is also a situation's id",
                           "给分组换一个 id", "give the group another id"),
    "ladder_missing": ("升级阶梯缺少：{rungs}", "the ladder lacks the rung(s) {rungs}",
                       "为 data/channels.yml 的每一级写一步", "add a step for each rung of data/channels.yml"),
    "ladder_order": ("升级阶梯顺序不对", "the ladder's steps are out of order",
                     "按 data/channels.yml 的顺序：{order}", "order them as in data/channels.yml: {order}"),
    "ladder_twice": ("同一级出现两次", "a rung appears twice", "每一级只写一步", "keep one step per rung"),
    "no_basis": ("既没有法条依据，也没有反映日期", "no legal basis and no report date",
                 "在 bases: 写法条 id；如果是买家反映，写 reported_as_of: 日期",
                 "name the articles in bases:, or give reported_as_of: for a buyers' report"),
    "no_prose": ("缺少指南正文 {path}", "no guide prose {path}", "新建 {path}（可以复制另一篇改写）",
                 "write {path} (copy another guide's file)"),
    "orphan_prose": ("没有同名的情况或专题", "no situation or topic has this name",
                     "把文件改名为 complaint_types.yml 或 topics.yml 里的 id",
                     "rename the file to an id from complaint_types.yml or topics.yml"),
    "path_ends_elsewhere": ("这些回答到达 {reached}，不是 {expected}",
                            "these answers reach '{reached}', not '{expected}'",
                            "改回答、结果或问题树", "fix the answers, the outcome, or the tree"),
    "cycle": ("问题树有循环：{cycle}", "a cycle: {cycle}", "每个回答都要往下走，不能回到前面",
              "make every answer lead further down, never back up"),
    "no_options": ("问题 {id} 没有选项", "the question '{id}' has no options",
                   "加上选项，每个选项有 id、label 和 next", "add options, each with id, label and next"),
    "duplicate_option": ("选项 {value} 出现了两次", "the option '{value}' appears twice",
                         "同一问题的每个回答都要不同", "make each answer of a question different"),
    "unreachable": ("从起点到不了 {id}", "no path from the start reaches '{id}'",
                    "在某个问题里链接它，或者删掉它", "link to it from a question, or remove it"),
    "too_deep": ("{id} 需要回答 {depth} 次才能到达", "'{id}' is {depth} answers deep",
                 "每个结果最多回答 {limit} 次就要到达", "reach every outcome in at most {limit} answers"),
    "unreached_situation": ("没有路径通向情况 {id}", "no path leads to the situation '{id}'",
                            "为它加一个结果节点和通向它的回答",
                            "add an outcome for it and an answer that leads there"),
    "no_stored_text": ("找不到存档文本 {reference}", "no stored text at {reference}",
                       "写 laws/ 下的文件路径；新的法律文本用 make laws 从 ../shared/laws 复制进来",
                       "name a file under laws/; bring a new law text in from ../shared/laws with make laws"),
    "law_copy_changed": ("存档文本 laws/{file} 与 laws/manifest.json 不符（{state}）",
                         "the stored text laws/{file} does not match laws/manifest.json ({state})",
                         "不要手改存档文本：运行 make laws 从 ../shared/laws 重新复制",
                         "never edit a stored text by hand: run make laws to copy it again from ../shared/laws"),
    "no_such_article": ("存档文本里没有这一条", "the stored text has no such article",
                        "检查条号", "check the article number"),
    "quote_differs": ("引文与存档文本不一致", "the quotation differs from the stored text",
                      "用 python -m redress quote <reference> <article> 重新复制",
                      "copy it again with: python -m redress quote <reference> <article>"),
    "stale": ("最近审核于 {date}，已超过 12 个月", "last reviewed on {date}, more than 12 months ago",
              "重新核对内容，然后更新 last_reviewed", "review it against its sources, then update last_reviewed"),
}
@dataclass(frozen=True)
class Said:
    """One message in both languages: what is wrong and how to fix it."""

    what_zh: str
    what_en: str
    fix_zh: str
    fix_en: str


def say(key: str, **values: object) -> Said:
    """The message for key, with the values put in (in both languages)."""
    what_zh, what_en, fix_zh, fix_en = MESSAGES[key]
    return Said(*(text.format(**values) for text in (what_zh, what_en, fix_zh, fix_en)))


def did_you_mean(close: str | None) -> dict[str, str]:
    """The hint for an unknown name: the closest known one, if any is close."""
    if close:
        return {"hint_zh": f"是不是 {close}？", "hint_en": f"did you mean '{close}'?"}
    return {"hint_zh": "用一个已有的 id", "hint_en": "use an id that exists"}
