"""English source → 简体中文 for banmian_zh_CN.ts (fill_ts.py writes them in, lrelease compiles).

Maintainers: add a line here for every new tr() string, then run
    python desktop/gui/i18n/fill_ts.py
"""
ZH = {
    " em": " 字", "%1 errors, %2 warnings": "%1 个错误，%2 个警告", "%1 frames selected": "已选 %1 个框",
    "%1 proofs written": "已输出 %1 张校样", "&Edit": "编辑(&E)", "&File": "文件(&F)", "&Help": "帮助(&H)",
    "&Tools": "工具(&T)", "&View": "视图(&V)", "&Window": "窗口(&W)", "(empty)": "（空）",
    "Actual size (100%)": "实际大小（100%）", "Add": "添加", "Add to / remove from selection": "加选 / 减选",
    "Alignment": "对齐", "Alt+click": "Alt+单击", "Arrow keys": "方向键", "Articles": "稿件",
    "Articles (*.txt *.md *.docx)": "稿件 (*.txt *.md *.docx)", "Autosave failed: %1": "自动保存失败：%1",
    "Banmian": "版面",
    "Banmian found changes to “%1” that were not saved (autosaved %2). Recover them?":
        "发现“%1”有未保存的修改（自动保存于 %2）。要恢复吗？",
    "Banmian pages (*.json)": "版面文件 (*.json)", "Baseline grid": "基线网格", "Blank page": "空白版面",
    "Box": "方框", "Browse…": "浏览…", "Byline": "作者", "Cannot open": "无法打开", "Caption": "图片说明",
    "Center": "居中", "Chars": "字数", "Columns": "栏数", "Command": "命令",
    "Constrain a move or keep proportions": "限制方向 / 保持比例", "Credit": "摄影署名",
    "Crop and registration marks, colour bar, slug": "裁切线、套准线、色标、版尾信息",
    "Ctrl+wheel": "Ctrl+滚轮", "Delete": "删除", "Discard every change since the last save?": "放弃上次保存以来的全部修改？",
    "Double-click": "双击", "Double-click a text frame": "双击文本框",
    "Open the frame's story at that character": "在该字处打开框中稿件",
    "Move the picture inside its frame (crop)": "在框内移动图片（裁切）",
    "Ctrl+drag, or double-click the image frame and drag (Esc leaves)": "Ctrl+拖动，或双击图片框后拖动（Esc 退出）", "Duplicate": "复制", "Effective ppi": "有效分辨率", "Export": "输出",
    "Export PDF": "输出 PDF", "Export PDF…": "输出 PDF…", "Export PNG proofs": "输出 PNG 校样",
    "Export PNG proofs…": "输出 PNG 校样…", "Export despite preflight errors": "忽略印前检查错误，仍然输出",
    "Export failed:": "输出失败：", "File": "文件", "Fill (crop)": "填满（裁切）", "First-line indent": "首行缩进",
    "Fit": "适合", "Fit (whole image)": "适合（整图）", "Fit page": "适合页面", "Fit width": "适合宽度",
    "Fits": "正好", "Font": "字体", "Frame edges": "框边线", "Guides": "参考线", "Gutter": "栏间距",
    "Hand": "抓手", "Header": "报眉", "Headline": "主题", "Hei (黑体)": "黑体", "Hei Bold (粗黑)": "粗黑",
    "Height": "高", "Image frame": "图片框", "Image outside the layout folder": "图片不在版面文件夹内",
    "Images (*.jpg *.jpeg *.png *.tif *.tiff)": "图片 (*.jpg *.jpeg *.png *.tif *.tiff)",
    "Import article": "导入稿件", "Import article…": "导入稿件…", "Importing is not available.": "导入功能不可用。",
    "Inset": "内边距", "Justify": "两端对齐", "Kai (楷体)": "楷体", "Keyboard shortcuts": "快捷键",
    "Kicker": "引题", "Language: Chinese / English (restart)": "界面语言：中文 / 英文（重启生效）",
    "Layout error: %1": "排版错误：%1", "Lead": "导语", "Leading": "行距", "Left": "左对齐",
    "Link text frames": "串接文本框", "List": "列表", "Marks": "印刷标记",
    "Move a frame 1 mm (Shift: 10 mm)": "移动框 1 毫米（Shift：10 毫米）", "New from template": "从模板新建",
    "New from template…": "从模板新建…", "No wrap": "不绕排", "None (scale, offset)": "不适合（缩放、偏移）",
    "Not placed": "未上版", "Note": "小编说", "Nothing selected": "未选择", "Open page": "打开版面",
    "Open recent": "最近打开", "Open the frame's story": "打开框中稿件", "Open…": "打开…",
    "Output profile": "输出特性文件", "Overset: %n character(s)": "溢出 %n 字", "Page %1": "第 %1 版",
    "Pages": "版面", "Pan while held": "按住平移", "Paragraph": "正文", "Paragraph styles": "段落样式",
    "Place image": "置入图片", "Place image…": "置入图片…", "Plain PDF": "普通 PDF", "Preflight": "印前检查",
    "Preflight found errors. Fix them or tick “Export despite preflight errors”.":
        "印前检查发现错误。请先修正，或勾选“忽略印前检查错误，仍然输出”。",
    "Preflight is not available": "印前检查不可用", "Preflight: %1 errors, %2 warnings": "印前检查：%1 个错误，%2 个警告",
    "Preview (as printed)": "预览（印刷效果）", "Properties": "属性", "Quit": "退出", "Recover": "恢复",
    "Recover unsaved changes?": "恢复未保存的修改？", "Redo": "重做", "Revert": "恢复到已保存", "Right": "右对齐",
    "Rule": "线条", "Save": "保存", "Save as…": "另存为…", "Save failed": "保存失败", "Save page as": "版面另存为",
    "Save the changes to this page first?": "先保存对此版面的修改吗？", "Saved": "已保存", "Scale": "缩放",
    "Select all on page": "全选本版", "Select article": "选择整篇稿件", "Select the whole article": "选择整篇稿件",
    "Selection": "选择", "Shift+click": "Shift+单击", "Shift+drag": "Shift+拖动", "Short: %n character(s)": "欠 %n 字",
    "Shortcut": "快捷键", "Size": "字号", "Snap to grid and frames": "对齐网格和框", "Song (宋体)": "宋体",
    "Space": "空格", "Space after": "段后距", "Space before": "段前距", "Standard": "标准", "Story": "稿件",
    "Story editor": "稿件编辑器", "Subhead": "小标题", "Subtitle": "副题", "T&ype": "文字(&Y)", "Template": "模板",
    "Text frame": "文本框", "Text wrap": "文字绕排",
    "The image is outside the layout's folder. Link it by a path that leaves the folder?":
        "图片在版面文件夹之外。仍要以文件夹外的路径链接它吗？",
    "The language changes at the next start.": "界面语言将在下次启动时更改。",
    "The page could not be saved; the file on disk is unchanged.": "版面未能保存；磁盘上的文件保持不变。",
    "Title": "标题", "Tools": "工具", "Total ink limit": "总墨量上限", "Undo": "撤销", "Unlink frame": "断开串接",
    "Unsaved changes": "未保存的修改", "Untitled": "未命名", "Width": "宽", "Wrap around box": "沿外框绕排",
    "Wrap offset": "绕排距离", "Zoom": "缩放", "Zoom around the pointer": "以指针为中心缩放", "Zoom in": "放大",
    "Zoom out": "缩小", "all (e.g. 1,3-4)": "全部（如 1,3-4）", "bundled ISO Coated v2 300%": "内置 ISO Coated v2 300%",
    "fits": "正好", "grid": "网格", "layout %1 ms": "排版 %1 毫秒", "missing file": "文件缺失",
    "overset %1 chars": "溢出 %1 字", "page %1": "第 %1 版", "short %1 chars": "欠 %1 字", "unplaced": "未上版",
    # arranging (Arrange menu and toolbar, guides, lock, 齐栏) — issue 14 item 12
    "&Arrange": "排列(&A)", "Arrange": "排列", "Align left edges": "左对齐", "Align horizontal centres": "水平居中对齐",
    "Align right edges": "右对齐", "Align top edges": "顶对齐", "Align vertical centres": "垂直居中对齐",
    "Align bottom edges": "底对齐", "Distribute horizontally": "水平等距分布", "Distribute vertically": "垂直等距分布",
    "Bring to front": "置于顶层", "Bring forward": "前移一层", "Send backward": "后移一层", "Send to back": "置于底层",
    "Lock / unlock": "锁定 / 解锁", "Unlock all on page": "解锁本版全部框", "Balance columns (齐栏)": "齐栏",
    "Zoom to selection": "缩放到所选", "Clear guides on page": "清除本版参考线",
    "Select the frames to align first": "请先选择要对齐的框",
    "Select three or more frames to distribute": "请选择三个或更多的框再分布",
    "Select a text frame to balance its columns": "请先选择一个文本框再齐栏",
    "Locked frames do not move: unlock them first (Arrange → Lock / unlock)":
        "锁定的框不能移动：请先解锁（排列 → 锁定 / 解锁）",
    "Drag onto the page to add a guide": "拖到版面上即添加参考线", "Balance columns": "齐栏", "Locked": "锁定",
    "Add a guide": "添加参考线", "Drag from a ruler onto the page": "从标尺拖到版面上",
    "Move or remove a guide": "移动或删除参考线", "Drag it (off the page removes it)": "拖动（拖出版面即删除）",
    # paragraph styles panel — issue 14 item 10
    "New…": "新建…", "Auto": "自动", "Automatic leading: the size × the ratio, following the size":
        "自动行距：字号 × 倍数，随字号变化",
    "Leading %1 pt is smaller than the size %2 pt: the lines overprint.": "行距 %1 pt 小于字号 %2 pt：行与行会叠压。",
    "New paragraph style": "新建段落样式", "Label:": "名称：", "New style": "新样式",
    "Delete paragraph style": "删除段落样式",
    "“%1” is used by %2 paragraphs. Replace it with:": "“%1”用于 %2 个段落。删除后这些段落改用：",
    "Delete and replace": "删除并替换",
    # import dialog, placing from the Articles panel
    "Encoding": "编码", "Blocks": "段落数", "Normalise punctuation": "规范标点",
    "ASCII punctuation between Chinese characters to full width, quotes paired, dashes and ellipses, "
    "stray spaces removed": "汉字间的半角标点改为全角，引号配对，破折号和省略号规范，删除多余空格",
    "Role": "类别", "Text": "文字", "Position": "位置", "Before → after": "原文 → 改为", "Normalisation rule": "规则",
    "Warnings": "提示", "Import": "导入", "Cancel": "取消",
    "full-width punctuation": "全角标点", "paired quotes": "引号配对", "dash ——": "破折号 ——",
    "ellipsis ……": "省略号 ……", "space removed": "删除空格", "space kept": "保留空格",
    "half-width digits and Latin": "数字和字母改半角", "(empty — to be written)": "（空 —— 待编辑填写）",
    "Normalisation: %1 changes": "标点规范：%1 处修改", "Normalisation: off": "标点规范：关闭",
    "line %1, col %2": "第 %1 行第 %2 列", "kept the space in %1": "保留空格：%1",
    "“%1” imported: drag it onto an empty text frame, or select one and choose Place into selected frame":
        "已导入“%1”：把它拖到一个空文本框上，或选中空文本框后点“放入所选文本框”",
    "Place into selected frame": "放入所选文本框",
    "Pick a story here and select one empty text frame on the page, or drag the story onto one":
        "在此选一篇稿件，并在版面上选中一个空文本框；也可把稿件拖到空文本框上",
    "Open in story editor": "在稿件编辑器中打开",
    "a photo credit": "摄影署名", "a byline": "作者行", "a list of names": "名单", "a 《》 title": "书名号内",
    "a reporters' byline": "记者署名",
    "Images": "图片", "Copied next to the layout; place them with Place image": "已复制到版面文件旁；用“置入图片”放到版面上",
    # issue 14 items 11 and 13: visible problems, find and replace, word count
    "[Headline]": "「标题」",
    "Find and replace": "查找/替换", "Find and replace…": "查找/替换…", "Replace…": "替换…",
    "Find:": "查找：", "Replace with:": "替换为：", "Search:": "范围：", "All stories": "全部稿件",
    "Current story": "当前稿件", "Full-width = half-width (ｂ = b, ，= ,)": "全角/半角视为相同（如 ｂ 与 b、，与 ,）",
    "Match case": "区分大小写", "Find next": "查找下一个", "Replace": "替换", "Replace all": "全部替换",
    "Close": "关闭", "Type what to find.": "请输入要查找的文字。", "“%1” not found": "找不到“%1”",
    "%1 of %2": "第 %1 处，共 %2 处", "Replaced 1; no more matches": "已替换 1 处，后面没有了",
    "Replaced %1": "已替换 %1 处",
    "Word count…": "字数统计…", "Word count": "字数统计", "Selected text": "选中文字", "This page": "本版",
    "Characters (字数)": "字数", "Chinese characters": "汉字", "Punctuation": "标点符号",
    "Latin words and numbers": "外文单词和数字", "Other characters": "其他文字",
    "Characters without spaces": "字符数（不计空格）", "Paragraphs": "段落数",
    "Each Chinese character and punctuation mark counts 1, each Latin word or number 1; spaces and line ends do "
    "not count.": "每个汉字、每个标点符号各计 1 字，每个外文单词或数字计 1 字；空格和换行不计。",
    "Page: %1 characters": "本版 %1 字",
    "Vertical text": "竖排", "Direction": "排版方向",
    # pages and masters (pages_panel.py, master_view.py)
    "Masters": "版式", "Edit": "编辑", "Edit the master in the canvas (or double-click it)": "在版面窗口中编辑版式（或双击它）",
    "Apply to selected pages": "应用到所选版面", "Add…": "添加…", "Move page up": "版面前移",
    "Move page down": "版面后移", "Delete page": "删除版面", "A document keeps at least one page.": "文档至少要保留一个版面。",
    "Apply master": "应用版式", "%1 page(s)": "%1 个版面", "Master %1": "版式 %1", "No master": "无版式",
    "&Page": "版面(&P)", "Add page…": "添加版面…", "Duplicate page": "复制版面", "Edit master": "编辑版式",
    "Back to pages": "返回版面", "Document info…": "报眉信息…", "The document has no master.": "文档中没有版式。",
    "Add page": "添加版面", "Make the new page from a master of this document or a template:":
        "用本文档的版式或模板新建版面：", "Template: %1": "模板：%1",
    "Document info": "报眉信息", "Paper name": "报名", "Date": "日期", "Weekday": "星期", "Section": "版名",
    "Editor": "责任编辑",
    # 报眉信息: the fields and each page's own 版名 / 责任编辑
    "The issue (every page)": "本期（全部版面）", "Section and editor": "版名和责任编辑",
    "This page (%1)": "本版（%1）", "All pages": "全部版面", "Apply to:": "用于：",
    "As the document: %1": "同文档：%1", " (document)": "（文档）",
    "Editing master %1 — changes show on the %2 page(s) using it": "正在编辑版式 %1 —— 修改将显示在使用它的 %2 个版面上",
}

# the Articles panel's copyfit view and 自动组版 (gui/copyfit_view.py, gui/makeup_dialog.py)
ZH.update({
    "Copyfit": "稿件拟合", "Apply remedy": "采用此办法", "Pick a story to see how it fits.": "选一篇稿件，查看它是否排得下。",
    "Not placed on a page.": "尚未放到版面上。", "Overset %1 chars (about %2 lines)": "溢出 %1 字（约 %2 行）",
    "Short %1 chars (about %2 lines)": "欠 %1 字（约 %2 行）", "fits": "正好", "still overset %1": "仍溢出 %1 字",
    "short %1": "欠 %1 字", "Advice: edit the copy in the story editor (double-click)": "建议：在稿件编辑器中删改文字（双击打开）",
    "Automatic make-up…": "自动组版…", "Automatic make-up": "自动组版",
    "Stories to make up on this page (in priority order):": "要排到本版的稿件（按重要性排序）：",
    "Alternatives:": "方案数：", "Propose pages": "生成方案", "Use this page": "采用此方案",
    "No unplaced stories: import articles first.": "没有未排的稿件：请先导入稿件。",
    "Tick at least one story.": "请至少勾选一篇稿件。", "Cannot make up this page: %1": "本版无法自动组版：%1",
    "Too much copy for the page: cut at least %1 chars in all (%2)": "稿件太多，排不下：共需删去至少 %1 字（%2）",
    "No proposal: %1": "没有可行方案：%1", "%1 proposals in %2 s; the best first.": "%2 秒内得到 %1 个方案，最佳的排在前面。",
    "Proposal %1 · score %2": "方案 %1 · 评分 %2",
})

# issue 8 (hostile input: recovery, autosave, links, saves, import limits) and the editor's later
# strings (soft proof, print conditions, New from template, the error dialog)
ZH.update({
    "Soft proof (press colours)": "软打样（印刷色）", "Print condition": "印刷条件",
    "Custom: the plant's own ICC profile": "自定义：印厂自己的 ICC 特性文件",
    "the print condition's profile": "印刷条件的特性文件", "Refresh": "刷新",
    "Nothing to proof: the document has no pages.": "没有可打样的内容：文档没有版面。",
    "As printed on %1 (paper white and dot gain of the profile)": "按 %1 印刷的效果（特性文件的纸白与网点扩大）",
    "Choose a template for the new page:": "为新版面选择模板：", "(mine)": "（我的）",
    "error": "错误", "warning": "警告", "info": "提示",
    "an untitled page": "未命名版面",
    "The page on disk was saved later, at %1 (autosave: %2). Recovering shows the autosaved version; "
    "Undo gives back the one on disk.":
        "磁盘上的版面保存得更晚，时间为 %1（自动保存：%2）。恢复将显示自动保存的版本；撤销可取回磁盘上的版本。",
    "The image is outside the layout's folder. Allow its folder (%1) as a link folder of this page?":
        "图片在版面文件夹之外。要把它所在的文件夹（%1）设为本版面允许的链接文件夹吗？",
    "The folder “%1” no longer exists; nothing was saved. Use Save As to save the page somewhere else.":
        "文件夹“%1”已不存在，没有保存任何内容。请用“另存为”把版面保存到别处。",
    "“%1” is read-only; it was not overwritten. Use Save As, or make the file writable.":
        "“%1”是只读文件，没有被覆盖。请用“另存为”，或把文件改为可写。",
    "“%1” could not be saved; the file on disk is unchanged.": "“%1”未能保存；磁盘上的文件保持不变。",
    "“%1” could not be saved; nothing was written.": "“%1”未能保存；没有写入任何内容。",
    "saved to %1 instead": "已改存到 %1",
    "no fallback location could be written either; save the page now": "备用位置也无法写入，请立即保存版面",
    "The page could not be opened:": "无法打开版面文件：",
    "“%1” cannot be opened (%2).\n\nDetails were written to %3": "无法打开“%1”（%2）。\n\n详细信息已写入 %3",
    # the error dialog (desktop/gui/errors.py)
    "Something went wrong": "出错了", "“%1” failed: %2": "“%1”失败：%2",
    "Your document is still open; save it under a new name if in doubt.": "文档仍然打开着；如有疑虑，请另存为新文件。",
    "Details were written to %1": "详细信息已写入 %1",
    # Qt's file dialog labels that qtbase_zh_CN leaves in English
    "&Look in:": "查找范围(&L)：", "Files of &type:": "文件类型(&T)：",
    # banmian.core's messages shown in the editor (errors.core_text): the importers
    "%1: not a regular file (a folder, pipe or device); not read": "%1：不是普通文件（是文件夹、管道或设备），未读取",
    "%1: %2 MB, more than the %3 MB an article may be": "%1：%2 MB，超过一篇稿件的上限 %3 MB",
    "%1: %2 paragraphs, more than the %3 one article may have": "%1：%2 段，超过一篇稿件的上限 %3 段",
    "%1: %2 characters, more than the %3 a story may hold; split the article":
        "%1：%2 字，超过一篇稿件的上限 %3 字；请拆分稿件",
    "%1: more than %2 paragraphs; not one article (split it)": "%1：超过 %2 段，不像一篇稿件（请拆分）",
    "%1: unpacks to %2 MB (more than %3 MB); refused as a possible zip bomb":
        "%1：解压后 %2 MB（超过 %3 MB），疑为压缩炸弹，拒绝导入",
    "%1: image %2 unpacks to %3 MB (more than %4 MB)": "%1：图片 %2 解压后 %3 MB（超过 %4 MB）",
    "%1: its images unpack to %2 MB (more than %3 MB)": "%1：其中的图片解压后共 %2 MB（超过 %3 MB）",
    "%1: %2 unpacks to %3 MB (more than %4 MB)": "%1：%2 解压后 %3 MB（超过 %4 MB）",
    "%1: %2 parts in the package; not a Word article": "%1：文件包内有 %2 个部件，不是 Word 稿件",
    "%1: not a readable Word .docx file (%2)": "%1：不是可读的 Word .docx 文件（%2）",
    "%1: cannot import %2 files (Banmian reads .txt, .md and .docx)": "%1：不能导入 %2 文件（版面可读 .txt、.md 和 .docx）",
    "%1: not UTF-8, UTF-16, GB18030/GBK or Big5 text — it looks like %3; save it as UTF-8 and import it again":
        "%1：不是 UTF-8、UTF-16、GB18030/GBK 或 Big5 文本，看起来是 %3；请另存为 UTF-8 后再导入",
    "%1: unreadable text — not UTF-8, UTF-16, GB18030/GBK or Big5, nor any encoding it could be detected as; "
    "save it as UTF-8 and import it again":
        "%1：无法识别的文本——不是 UTF-8、UTF-16、GB18030/GBK 或 Big5，也识别不出其他编码；请另存为 UTF-8 后再导入",
    "%1: read as Big5 (traditional Chinese, detected); not GB18030/GBK or UTF-8 — check the characters":
        "%1：按 Big5（繁体中文，自动识别）读入，不是 GB18030/GBK 或 UTF-8——请核对文字",
    "%1: starts with a UTF-8 BOM but byte %2 is not UTF-8": "%1：以 UTF-8 BOM 开头，但第 %2 字节不是 UTF-8",
    "%1: has a %2 BOM but is not %2 text (byte %3)": "%1：带 %2 BOM，但不是 %2 文本（第 %3 字节）",
    "%1: cannot be read (%2)": "%1：无法读取（%2）", "%1: no text found": "%1：没有找到文字",
    "no headline in the copy: an empty headline block was added for the editor to write":
        "稿件没有标题：已加入一个空标题段，待编辑填写",
    "line %1: an unpaired %2 at column %3 left as it is": "第 %1 行：第 %3 列有不成对的 %2，保持原样",
    "%1: image %2 is a URL; not fetched": "%1：图片 %2 是网址，未下载",
    "%1: image %2 is an absolute path; only images in the article's folder are copied":
        "%1：图片 %2 是绝对路径；只复制稿件文件夹里的图片",
    "%1: image %2 is reached through a symlink; not copied": "%1：图片 %2 要经过符号链接才能到达，未复制",
    "%1: image %2 is outside the article's folder; not copied": "%1：图片 %2 在稿件文件夹之外，未复制",
    "%1: image %2 not found": "%1：找不到图片 %2",
    "%1: image %2: the article's images exceed %3 MB; not copied": "%1：图片 %2：稿件的图片超过 %3 MB，未复制",
    "%1: image %2 cannot be read (%3)": "%1：图片 %2 无法读取（%3）",
    "%1: image %2 is too large; not copied": "%1：图片 %2 太大，未复制",
    "%1: image %2 not copied (%3)": "%1：图片 %2 未复制（%3）",
    "%1: image %2: %3 MB, more than the %4 MB an image may be; not copied":
        "%1：图片 %2：%3 MB，超过单张图片的上限 %4 MB，未复制",
    "%1: image %2: not an image file (%3); not copied": "%1：图片 %2 不是图片文件（%3），未复制",
    "%1: image %2: %3 × %4 = %5 Mpx, more than the %6 Mpx limit; not copied":
        "%1：图片 %2：%3 × %4 = %5 百万像素，超过 %6 百万像素的上限，未复制",
    "%1: image %2: a %3 image; Banmian places JPEG, PNG and TIFF; not copied":
        "%1：图片 %2 是 %3 格式；版面只置入 JPEG、PNG 和 TIFF，未复制",
    "%1: is a symlink; images are not written through it": "%1：是符号链接，不经它写入图片",
    "%1: not a folder images can be written to": "%1：不是可以写入图片的文件夹",
    "%1: no free name for %2": "%1：找不到可用于 %2 的新文件名",
    # why a file operation failed (errors.os_reason)
    "the disk is full": "磁盘已满", "the disk quota is used up": "磁盘配额已用完", "permission denied": "没有权限",
    "the drive is read-only": "驱动器是只读的", "no such file or folder": "文件或文件夹不存在",
    "a read or write error on the drive": "驱动器读写出错", "the file name is too long": "文件名太长",
    "Folder": "文件夹", "File": "文件", "Drive": "驱动器", "%1 File": "%1 文件", "Unknown": "未知",
})
