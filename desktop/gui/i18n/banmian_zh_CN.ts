<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddPageDialog</name>
    <message>
        <location filename="../pages_panel.py" line="502" />
        <source>Add page</source>
        <translation>添加版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="504" />
        <source>Make the new page from a master of this document or a template:</source>
        <translation>用本文档的版式或模板新建版面：</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="524" />
        <source>Template: %1</source>
        <translation>模板：%1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="81" />
        <source>“%1” cannot be opened (%2).

Details were written to %3</source>
        <translation>无法打开“%1”（%2）。

详细信息已写入 %3</translation>
    </message>
</context>
<context>
    <name>Arrange</name>
    <message>
        <location filename="../arrange.py" line="57" />
        <source>&amp;Arrange</source>
        <translation>排列(&amp;A)</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="58" />
        <source>Arrange</source>
        <translation>排列</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="61" />
        <source>Align left edges</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="62" />
        <source>Align horizontal centres</source>
        <translation>水平居中对齐</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="63" />
        <source>Align right edges</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="64" />
        <source>Align top edges</source>
        <translation>顶对齐</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="65" />
        <source>Align vertical centres</source>
        <translation>垂直居中对齐</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="66" />
        <source>Align bottom edges</source>
        <translation>底对齐</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="73" />
        <source>Distribute horizontally</source>
        <translation>水平等距分布</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="74" />
        <source>Distribute vertically</source>
        <translation>垂直等距分布</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="80" />
        <source>Bring to front</source>
        <translation>置于顶层</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="81" />
        <source>Bring forward</source>
        <translation>前移一层</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="82" />
        <source>Send backward</source>
        <translation>后移一层</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="83" />
        <source>Send to back</source>
        <translation>置于底层</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="89" />
        <source>Lock / unlock</source>
        <translation>锁定 / 解锁</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="90" />
        <source>Unlock all on page</source>
        <translation>解锁本版全部框</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="91" />
        <source>Balance columns (齐栏)</source>
        <translation>齐栏</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="94" />
        <source>Zoom to selection</source>
        <translation>缩放到所选</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="96" />
        <source>Clear guides on page</source>
        <translation>清除本版参考线</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="114" />
        <source>Select the frames to align first</source>
        <translation>请先选择要对齐的框</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="126" />
        <source>Select three or more frames to distribute</source>
        <translation>请选择三个或更多的框再分布</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="152" />
        <source>Select a text frame to balance its columns</source>
        <translation>请先选择一个文本框再齐栏</translation>
    </message>
    <message>
        <location filename="../arrange.py" line="160" />
        <source>Nothing selected</source>
        <translation>未选择</translation>
    </message>
</context>
<context>
    <name>ArticlesPanel</name>
    <message>
        <location filename="../panels.py" line="89" />
        <source>Story</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../panels.py" line="89" />
        <source>Chars</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../panels.py" line="89" />
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <location filename="../panels.py" line="99" />
        <location filename="../panels.py" line="207" />
        <source>Place into selected frame</source>
        <translation>放入所选文本框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="102" />
        <source>Automatic make-up…</source>
        <translation>自动组版…</translation>
    </message>
    <message>
        <location filename="../panels.py" line="128" />
        <source>unplaced</source>
        <translation>未上版</translation>
    </message>
    <message>
        <location filename="../panels.py" line="130" />
        <source>overset %1 chars</source>
        <translation>溢出 %1 字</translation>
    </message>
    <message>
        <location filename="../panels.py" line="132" />
        <source>short %1 chars</source>
        <translation>欠 %1 字</translation>
    </message>
    <message>
        <location filename="../panels.py" line="134" />
        <source>fits</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../panels.py" line="185" />
        <source>Pick a story here and select one empty text frame on the page, or drag the story onto one</source>
        <translation>在此选一篇稿件，并在版面上选中一个空文本框；也可把稿件拖到空文本框上</translation>
    </message>
    <message>
        <location filename="../panels.py" line="210" />
        <source>Open in story editor</source>
        <translation>在稿件编辑器中打开</translation>
    </message>
    <message>
        <location filename="../panels.py" line="228" />
        <source>Automatic make-up</source>
        <translation>自动组版</translation>
    </message>
</context>
<context>
    <name>CanvasProblems</name>
    <message>
        <location filename="../canvas_problems.py" line="35" />
        <source>[Headline]</source>
        <translation>「标题」</translation>
    </message>
</context>
<context>
    <name>CopyfitBox</name>
    <message>
        <location filename="../copyfit_view.py" line="24" />
        <source>Copyfit</source>
        <translation>稿件拟合</translation>
    </message>
    <message>
        <location filename="../copyfit_view.py" line="41" />
        <source>Apply remedy</source>
        <translation>采用此办法</translation>
    </message>
    <message>
        <location filename="../copyfit_view.py" line="74" />
        <source>Pick a story to see how it fits.</source>
        <translation>选一篇稿件，查看它是否排得下。</translation>
    </message>
    <message>
        <location filename="../copyfit_view.py" line="78" />
        <source>Not placed on a page.</source>
        <translation>尚未放到版面上。</translation>
    </message>
    <message>
        <location filename="../copyfit_view.py" line="85" />
        <source>Overset %1 chars (about %2 lines)</source>
        <translation>溢出 %1 字（约 %2 行）</translation>
    </message>
    <message>
        <location filename="../copyfit_view.py" line="88" />
        <source>Short %1 chars (about %2 lines)</source>
        <translation>欠 %1 字（约 %2 行）</translation>
    </message>
    <message>
        <location filename="../copyfit_view.py" line="91" />
        <source>Fits</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../copyfit_view.py" line="96" />
        <source>fits</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../copyfit_view.py" line="98" />
        <source>still overset %1</source>
        <translation>仍溢出 %1 字</translation>
    </message>
    <message>
        <location filename="../copyfit_view.py" line="100" />
        <source>short %1</source>
        <translation>欠 %1 字</translation>
    </message>
    <message>
        <location filename="../copyfit_view.py" line="105" />
        <source>Advice: edit the copy in the story editor (double-click)</source>
        <translation>建议：在稿件编辑器中删改文字（双击打开）</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../errors.py" line="171" />
        <source>%1: not a regular file (a folder, pipe or device); not read</source>
        <translation>%1：不是普通文件（是文件夹、管道或设备），未读取</translation>
    </message>
    <message>
        <location filename="../errors.py" line="173" />
        <source>%1: %2 MB, more than the %3 MB an article may be</source>
        <translation>%1：%2 MB，超过一篇稿件的上限 %3 MB</translation>
    </message>
    <message>
        <location filename="../errors.py" line="175" />
        <source>%1: %2 paragraphs, more than the %3 one article may have</source>
        <translation>%1：%2 段，超过一篇稿件的上限 %3 段</translation>
    </message>
    <message>
        <location filename="../errors.py" line="177" />
        <source>%1: %2 characters, more than the %3 a story may hold; split the article</source>
        <translation>%1：%2 字，超过一篇稿件的上限 %3 字；请拆分稿件</translation>
    </message>
    <message>
        <location filename="../errors.py" line="179" />
        <source>%1: more than %2 paragraphs; not one article (split it)</source>
        <translation>%1：超过 %2 段，不像一篇稿件（请拆分）</translation>
    </message>
    <message>
        <location filename="../errors.py" line="181" />
        <source>%1: unpacks to %2 MB (more than %3 MB); refused as a possible zip bomb</source>
        <translation>%1：解压后 %2 MB（超过 %3 MB），疑为压缩炸弹，拒绝导入</translation>
    </message>
    <message>
        <location filename="../errors.py" line="183" />
        <source>%1: image %2 unpacks to %3 MB (more than %4 MB)</source>
        <translation>%1：图片 %2 解压后 %3 MB（超过 %4 MB）</translation>
    </message>
    <message>
        <location filename="../errors.py" line="185" />
        <source>%1: its images unpack to %2 MB (more than %3 MB)</source>
        <translation>%1：其中的图片解压后共 %2 MB（超过 %3 MB）</translation>
    </message>
    <message>
        <location filename="../errors.py" line="187" />
        <source>%1: %2 unpacks to %3 MB (more than %4 MB)</source>
        <translation>%1：%2 解压后 %3 MB（超过 %4 MB）</translation>
    </message>
    <message>
        <location filename="../errors.py" line="189" />
        <source>%1: %2 parts in the package; not a Word article</source>
        <translation>%1：文件包内有 %2 个部件，不是 Word 稿件</translation>
    </message>
    <message>
        <location filename="../errors.py" line="191" />
        <source>%1: not a readable Word .docx file (%2)</source>
        <translation>%1：不是可读的 Word .docx 文件（%2）</translation>
    </message>
    <message>
        <location filename="../errors.py" line="193" />
        <source>%1: cannot import %2 files (Banmian reads .txt, .md and .docx)</source>
        <translation>%1：不能导入 %2 文件（版面可读 .txt、.md 和 .docx）</translation>
    </message>
    <message>
        <location filename="../errors.py" line="196" />
        <source>%1: not UTF-8, UTF-16, GB18030/GBK or Big5 text — it looks like %3; save it as UTF-8 and import it again</source>
        <translation>%1：不是 UTF-8、UTF-16、GB18030/GBK 或 Big5 文本，看起来是 %3；请另存为 UTF-8 后再导入</translation>
    </message>
    <message>
        <location filename="../errors.py" line="200" />
        <source>%1: unreadable text — not UTF-8, UTF-16, GB18030/GBK or Big5, nor any encoding it could be detected as; save it as UTF-8 and import it again</source>
        <translation>%1：无法识别的文本——不是 UTF-8、UTF-16、GB18030/GBK 或 Big5，也识别不出其他编码；请另存为 UTF-8 后再导入</translation>
    </message>
    <message>
        <location filename="../errors.py" line="204" />
        <source>%1: read as Big5 (traditional Chinese, detected); not GB18030/GBK or UTF-8 — check the characters</source>
        <translation>%1：按 Big5（繁体中文，自动识别）读入，不是 GB18030/GBK 或 UTF-8——请核对文字</translation>
    </message>
    <message>
        <location filename="../errors.py" line="207" />
        <source>%1: starts with a UTF-8 BOM but byte %2 is not UTF-8</source>
        <translation>%1：以 UTF-8 BOM 开头，但第 %2 字节不是 UTF-8</translation>
    </message>
    <message>
        <location filename="../errors.py" line="209" />
        <source>%1: has a %2 BOM but is not %2 text (byte %3)</source>
        <translation>%1：带 %2 BOM，但不是 %2 文本（第 %3 字节）</translation>
    </message>
    <message>
        <location filename="../errors.py" line="211" />
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <location filename="../errors.py" line="213" />
        <source>%1: no text found</source>
        <translation>%1：没有找到文字</translation>
    </message>
    <message>
        <location filename="../errors.py" line="215" />
        <source>no headline in the copy: an empty headline block was added for the editor to write</source>
        <translation>稿件没有标题：已加入一个空标题段，待编辑填写</translation>
    </message>
    <message>
        <location filename="../errors.py" line="218" />
        <source>line %1: an unpaired %2 at column %3 left as it is</source>
        <translation>第 %1 行：第 %3 列有不成对的 %2，保持原样</translation>
    </message>
    <message>
        <location filename="../errors.py" line="221" />
        <source>%1: image %2 is a URL; not fetched</source>
        <translation>%1：图片 %2 是网址，未下载</translation>
    </message>
    <message>
        <location filename="../errors.py" line="223" />
        <source>%1: image %2 is an absolute path; only images in the article's folder are copied</source>
        <translation>%1：图片 %2 是绝对路径；只复制稿件文件夹里的图片</translation>
    </message>
    <message>
        <location filename="../errors.py" line="226" />
        <source>%1: image %2 is reached through a symlink; not copied</source>
        <translation>%1：图片 %2 要经过符号链接才能到达，未复制</translation>
    </message>
    <message>
        <location filename="../errors.py" line="228" />
        <source>%1: image %2 is outside the article's folder; not copied</source>
        <translation>%1：图片 %2 在稿件文件夹之外，未复制</translation>
    </message>
    <message>
        <location filename="../errors.py" line="230" />
        <source>%1: image %2 not found</source>
        <translation>%1：找不到图片 %2</translation>
    </message>
    <message>
        <location filename="../errors.py" line="232" />
        <source>%1: image %2: the article's images exceed %3 MB; not copied</source>
        <translation>%1：图片 %2：稿件的图片超过 %3 MB，未复制</translation>
    </message>
    <message>
        <location filename="../errors.py" line="234" />
        <source>%1: image %2 cannot be read (%3)</source>
        <translation>%1：图片 %2 无法读取（%3）</translation>
    </message>
    <message>
        <location filename="../errors.py" line="236" />
        <source>%1: image %2 is too large; not copied</source>
        <translation>%1：图片 %2 太大，未复制</translation>
    </message>
    <message>
        <location filename="../errors.py" line="238" />
        <source>%1: image %2 not copied (%3)</source>
        <translation>%1：图片 %2 未复制（%3）</translation>
    </message>
    <message>
        <location filename="../errors.py" line="240" />
        <source>%1: image %2: %3 MB, more than the %4 MB an image may be; not copied</source>
        <translation>%1：图片 %2：%3 MB，超过单张图片的上限 %4 MB，未复制</translation>
    </message>
    <message>
        <location filename="../errors.py" line="242" />
        <source>%1: image %2: not an image file (%3); not copied</source>
        <translation>%1：图片 %2 不是图片文件（%3），未复制</translation>
    </message>
    <message>
        <location filename="../errors.py" line="244" />
        <source>%1: image %2: %3 × %4 = %5 Mpx, more than the %6 Mpx limit; not copied</source>
        <translation>%1：图片 %2：%3 × %4 = %5 百万像素，超过 %6 百万像素的上限，未复制</translation>
    </message>
    <message>
        <location filename="../errors.py" line="246" />
        <source>%1: image %2: a %3 image; Banmian places JPEG, PNG and TIFF; not copied</source>
        <translation>%1：图片 %2 是 %3 格式；版面只置入 JPEG、PNG 和 TIFF，未复制</translation>
    </message>
    <message>
        <location filename="../errors.py" line="248" />
        <source>%1: is a symlink; images are not written through it</source>
        <translation>%1：是符号链接，不经它写入图片</translation>
    </message>
    <message>
        <location filename="../errors.py" line="250" />
        <source>%1: not a folder images can be written to</source>
        <translation>%1：不是可以写入图片的文件夹</translation>
    </message>
    <message>
        <location filename="../errors.py" line="252" />
        <source>%1: no free name for %2</source>
        <translation>%1：找不到可用于 %2 的新文件名</translation>
    </message>
</context>
<context>
    <name>DocumentInfoDialog</name>
    <message>
        <location filename="../pages_panel.py" line="570" />
        <source>Document info</source>
        <extracomment>the fields that are the issue's (every page); the others may differ from page to page</extracomment>
        <translation>报眉信息</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="574" />
        <source>Paper name</source>
        <translation>报名</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="574" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="574" />
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="575" />
        <source>Section</source>
        <translation>版名</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="575" />
        <source>Editor</source>
        <translation>责任编辑</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="578" />
        <source>The issue (every page)</source>
        <translation>本期（全部版面）</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="580" />
        <source>Section and editor</source>
        <translation>版名和责任编辑</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="590" />
        <source>This page (%1)</source>
        <translation>本版（%1）</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="593" />
        <source>All pages</source>
        <translation>全部版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="599" />
        <source>Apply to:</source>
        <translation>用于：</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="621" />
        <source>As the document: %1</source>
        <translation>同文档：%1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../errors.py" line="87" />
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../errors.py" line="88" />
        <source>“%1” failed: %2</source>
        <translation>“%1”失败：%2</translation>
    </message>
    <message>
        <location filename="../errors.py" line="90" />
        <source>Your document is still open; save it under a new name if in doubt.</source>
        <translation>文档仍然打开着；如有疑虑，请另存为新文件。</translation>
    </message>
    <message>
        <location filename="../errors.py" line="93" />
        <source>Details were written to %1</source>
        <translation>详细信息已写入 %1</translation>
    </message>
    <message>
        <location filename="../errors.py" line="273" />
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../errors.py" line="274" />
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <location filename="../errors.py" line="275" />
        <location filename="../errors.py" line="276" />
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <location filename="../errors.py" line="277" />
        <source>the drive is read-only</source>
        <translation>驱动器是只读的</translation>
    </message>
    <message>
        <location filename="../errors.py" line="278" />
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <location filename="../errors.py" line="279" />
        <source>a read or write error on the drive</source>
        <translation>驱动器读写出错</translation>
    </message>
    <message>
        <location filename="../errors.py" line="280" />
        <source>the file name is too long</source>
        <translation>文件名太长</translation>
    </message>
</context>
<context>
    <name>ExportPdfDialog</name>
    <message>
        <location filename="../dialogs.py" line="22" />
        <location filename="../dialogs.py" line="121" />
        <location filename="../dialogs.py" line="138" />
        <location filename="../dialogs.py" line="157" />
        <source>Export PDF</source>
        <translation>输出 PDF</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="32" />
        <location filename="../dialogs.py" line="58" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="36" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="38" />
        <source>all (e.g. 1,3-4)</source>
        <translation>全部（如 1,3-4）</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="39" />
        <source>Pages</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="40" />
        <source>Crop and registration marks, colour bar, slug</source>
        <translation>裁切线、套准线、色标、版尾信息</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="42" />
        <source>Marks</source>
        <translation>印刷标记</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="46" />
        <source>Plain PDF</source>
        <translation>普通 PDF</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="47" />
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="53" />
        <source>Custom: the plant's own ICC profile</source>
        <translation>自定义：印厂自己的 ICC 特性文件</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="54" />
        <source>Print condition</source>
        <translation>印刷条件</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="57" />
        <source>the print condition's profile</source>
        <translation>印刷条件的特性文件</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="62" />
        <location filename="../dialogs.py" line="126" />
        <source>Output profile</source>
        <translation>输出特性文件</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="67" />
        <source>Total ink limit</source>
        <translation>总墨量上限</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="69" />
        <source>Export despite preflight errors</source>
        <translation>忽略印前检查错误，仍然输出</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="76" />
        <source>Export</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="113" />
        <source>Preflight: %1 errors, %2 warnings</source>
        <translation>印前检查：%1 个错误，%2 个警告</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="115" />
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="115" />
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="115" />
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="139" />
        <source>Preflight found errors. Fix them or tick “Export despite preflight errors”.</source>
        <translation>印前检查发现错误。请先修正，或勾选“忽略印前检查错误，仍然输出”。</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="157" />
        <source>Export failed:</source>
        <translation>输出失败：</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <location filename="../find_dialog.py" line="37" />
        <source>Find and replace</source>
        <translation>查找/替换</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="46" />
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="47" />
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="50" />
        <source>All stories</source>
        <translation>全部稿件</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="51" />
        <source>Current story</source>
        <translation>当前稿件</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="52" />
        <source>Search:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="55" />
        <source>Full-width = half-width (ｂ = b, ，= ,)</source>
        <translation>全角/半角视为相同（如 ｂ 与 b、，与 ,）</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="58" />
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="68" />
        <source>Find next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="70" />
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="72" />
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="74" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="143" />
        <source>Type what to find.</source>
        <translation>请输入要查找的文字。</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="150" />
        <location filename="../find_dialog.py" line="178" />
        <source>“%1” not found</source>
        <translation>找不到“%1”</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="154" />
        <source>%1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="171" />
        <source>Replaced 1; no more matches</source>
        <translation>已替换 1 处，后面没有了</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="181" />
        <source>Replaced %1</source>
        <translation>已替换 %1 处</translation>
    </message>
</context>
<context>
    <name>ImportArticleDialog</name>
    <message>
        <location filename="../import_dialog.py" line="81" />
        <location filename="../import_dialog.py" line="231" />
        <source>Import article</source>
        <translation>导入稿件</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="88" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="89" />
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="90" />
        <source>Blocks</source>
        <translation>段落数</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="93" />
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="96" />
        <source>Normalise punctuation</source>
        <translation>规范标点</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="97" />
        <source>ASCII punctuation between Chinese characters to full width, quotes paired, dashes and ellipses, stray spaces removed</source>
        <translation>汉字间的半角标点改为全角，引号配对，破折号和省略号规范，删除多余空格</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="105" />
        <source>Role</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="105" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="118" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="118" />
        <source>Before → after</source>
        <translation>原文 → 改为</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="119" />
        <source>Normalisation rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="125" />
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="138" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="139" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="153" />
        <source>full-width punctuation</source>
        <translation>全角标点</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="153" />
        <source>paired quotes</source>
        <translation>引号配对</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="154" />
        <source>dash ——</source>
        <translation>破折号 ——</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="154" />
        <source>ellipsis ……</source>
        <translation>省略号 ……</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="155" />
        <source>space removed</source>
        <translation>删除空格</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="155" />
        <source>space kept</source>
        <translation>保留空格</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="156" />
        <source>half-width digits and Latin</source>
        <translation>数字和字母改半角</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="175" />
        <source>Copied next to the layout; place them with Place image</source>
        <translation>已复制到版面文件旁；用“置入图片”放到版面上</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="191" />
        <source>(empty — to be written)</source>
        <translation>（空 —— 待编辑填写）</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="200" />
        <source>Normalisation: %1 changes</source>
        <translation>标点规范：%1 处修改</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="201" />
        <source>Normalisation: off</source>
        <translation>标点规范：关闭</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="204" />
        <source>line %1, col %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="206" />
        <source>a photo credit</source>
        <translation>摄影署名</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="206" />
        <source>a byline</source>
        <translation>作者行</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="207" />
        <source>a list of names</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="207" />
        <source>a 《》 title</source>
        <translation>书名号内</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="208" />
        <source>a reporters' byline</source>
        <translation>记者署名</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="209" />
        <source>kept the space in %1</source>
        <translation>保留空格：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="165" />
        <source>Recover unsaved changes?</source>
        <translation>恢复未保存的修改？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="155" />
        <source>Banmian found changes to “%1” that were not saved (autosaved %2). Recover them?</source>
        <translation>发现“%1”有未保存的修改（自动保存于 %2）。要恢复吗？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="154" />
        <source>an untitled page</source>
        <extracomment>every open editor window (one per document); a window leaves the list when it closes</extracomment>
        <translation>未命名版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="162" />
        <source>The page on disk was saved later, at %1 (autosave: %2). Recovering shows the autosaved version; Undo gives back the one on disk.</source>
        <translation>磁盘上的版面保存得更晚，时间为 %1（自动保存：%2）。恢复将显示自动保存的版本；撤销可取回磁盘上的版本。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212" />
        <source>Pages</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="213" />
        <source>Articles</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214" />
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215" />
        <source>Paragraph styles</source>
        <translation>段落样式</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216" />
        <source>Preflight</source>
        <translation>印前检查</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="217" />
        <location filename="../main_window.py" line="382" />
        <source>Story editor</source>
        <translation>稿件编辑器</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="296" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="297" />
        <source>New from template…</source>
        <translation>从模板新建…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="298" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="299" />
        <source>Open recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="302" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="303" />
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="304" />
        <location filename="../main_window.py" line="770" />
        <source>Revert</source>
        <translation>恢复到已保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="306" />
        <source>Import article…</source>
        <translation>导入稿件…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="307" />
        <source>Place image…</source>
        <translation>置入图片…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="309" />
        <source>Export PDF…</source>
        <translation>输出 PDF…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="310" />
        <source>Export PNG proofs…</source>
        <translation>输出 PNG 校样…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="312" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="314" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="315" />
        <location filename="../main_window.py" line="416" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="317" />
        <location filename="../main_window.py" line="416" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="329" />
        <source>Select all on page</source>
        <translation>全选本版</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="330" />
        <location filename="../main_window.py" line="425" />
        <source>Select article</source>
        <translation>选择整篇稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="331" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="332" />
        <source>Unlink frame</source>
        <translation>断开串接</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="335" />
        <source>Language: Chinese / English (restart)</source>
        <translation>界面语言：中文 / 英文（重启生效）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="337" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="339" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="340" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="341" />
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="342" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="343" />
        <source>Actual size (100%)</source>
        <translation>实际大小（100%）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="345" />
        <source>Guides</source>
        <translation>参考线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="348" />
        <source>Baseline grid</source>
        <translation>基线网格</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350" />
        <source>Frame edges</source>
        <translation>框边线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="353" />
        <source>Snap to grid and frames</source>
        <translation>对齐网格和框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="356" />
        <source>Preview (as printed)</source>
        <translation>预览（印刷效果）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="358" />
        <source>Soft proof (press colours)</source>
        <translation>软打样（印刷色）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="364" />
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="365" />
        <source>Text frame</source>
        <translation>文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="366" />
        <source>Image frame</source>
        <translation>图片框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="367" />
        <source>Rule</source>
        <translation>线条</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="368" />
        <source>Box</source>
        <translation>方框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="369" />
        <source>Link text frames</source>
        <translation>串接文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="370" />
        <source>Hand</source>
        <translation>抓手</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="371" />
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="373" />
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="381" />
        <source>T&amp;ype</source>
        <translation>文字(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="386" />
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="390" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="391" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="422" />
        <source>Move a frame 1 mm (Shift: 10 mm)</source>
        <translation>移动框 1 毫米（Shift：10 毫米）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="422" />
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="423" />
        <source>Pan while held</source>
        <translation>按住平移</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="423" />
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="424" />
        <source>Zoom around the pointer</source>
        <translation>以指针为中心缩放</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="424" />
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="425" />
        <source>Alt+click</source>
        <translation>Alt+单击</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="426" />
        <source>Add to / remove from selection</source>
        <translation>加选 / 减选</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="426" />
        <source>Shift+click</source>
        <translation>Shift+单击</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="427" />
        <source>Constrain a move or keep proportions</source>
        <translation>限制方向 / 保持比例</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="427" />
        <source>Shift+drag</source>
        <translation>Shift+拖动</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="428" />
        <source>Open the frame's story at that character</source>
        <translation>在该字处打开框中稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="428" />
        <source>Double-click a text frame</source>
        <translation>双击文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="429" />
        <source>Move the picture inside its frame (crop)</source>
        <translation>在框内移动图片（裁切）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="430" />
        <source>Ctrl+drag, or double-click the image frame and drag (Esc leaves)</source>
        <translation>Ctrl+拖动，或双击图片框后拖动（Esc 退出）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="431" />
        <source>Add a guide</source>
        <translation>添加参考线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="431" />
        <source>Drag from a ruler onto the page</source>
        <translation>从标尺拖到版面上</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="432" />
        <source>Move or remove a guide</source>
        <translation>移动或删除参考线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="432" />
        <source>Drag it (off the page removes it)</source>
        <translation>拖动（拖出版面即删除）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="446" />
        <location filename="../main_window.py" line="722" />
        <location filename="../main_window.py" line="856" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../app.py" line="71" />
        <location filename="../main_window.py" line="447" />
        <source>Banmian</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../app.py" line="75" />
        <location filename="../main_window.py" line="670" />
        <location filename="../main_window.py" line="777" />
        <source>The page could not be opened:</source>
        <translation>无法打开版面文件：</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="454" />
        <source>Layout error: %1</source>
        <translation>排版错误：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="456" />
        <source>layout %1 ms</source>
        <translation>排版 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="540" />
        <source>Place image</source>
        <translation>置入图片</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="541" />
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="587" />
        <source>Image outside the layout folder</source>
        <translation>图片不在版面文件夹内</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="588" />
        <source>The image is outside the layout's folder. Allow its folder (%1) as a link folder of this page?</source>
        <translation>图片在版面文件夹之外。要把它所在的文件夹（%1）设为本版面允许的链接文件夹吗？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="603" />
        <location filename="../main_window.py" line="612" />
        <source>Import article</source>
        <translation>导入稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="604" />
        <source>Articles (*.txt *.md *.docx)</source>
        <translation>稿件 (*.txt *.md *.docx)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="634" />
        <source>“%1” imported: drag it onto an empty text frame, or select one and choose Place into selected frame</source>
        <translation>已导入“%1”：把它拖到一个空文本框上，或选中空文本框后点“放入所选文本框”</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="653" />
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="653" />
        <source>Save the changes to this page first?</source>
        <translation>先保存对此版面的修改吗？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="670" />
        <location filename="../main_window.py" line="711" />
        <location filename="../main_window.py" line="777" />
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="696" />
        <source>Open page</source>
        <translation>打开版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="697" />
        <location filename="../main_window.py" line="723" />
        <source>Banmian pages (*.json)</source>
        <translation>版面文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="723" />
        <source>Save page as</source>
        <translation>版面另存为</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="739" />
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="748" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="756" />
        <source>The folder “%1” no longer exists; nothing was saved. Use Save As to save the page somewhere else.</source>
        <translation>文件夹“%1”已不存在，没有保存任何内容。请用“另存为”把版面保存到别处。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="759" />
        <source>“%1” is read-only; it was not overwritten. Use Save As, or make the file writable.</source>
        <translation>“%1”是只读文件，没有被覆盖。请用“另存为”，或把文件改为可写。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="762" />
        <source>“%1” could not be saved; the file on disk is unchanged.</source>
        <translation>“%1”未能保存；磁盘上的文件保持不变。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="764" />
        <source>“%1” could not be saved; nothing was written.</source>
        <translation>“%1”未能保存；没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="771" />
        <source>Discard every change since the last save?</source>
        <translation>放弃上次保存以来的全部修改？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="823" />
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="824" />
        <source>saved to %1 instead</source>
        <translation>已改存到 %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="825" />
        <source>no fallback location could be written either; save the page now</source>
        <translation>备用位置也无法写入，请立即保存版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="868" />
        <source>Export PNG proofs</source>
        <translation>输出 PNG 校样</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="878" />
        <source>%1 proofs written</source>
        <translation>已输出 %1 张校样</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="884" />
        <source>The language changes at the next start.</source>
        <translation>界面语言将在下次启动时更改。</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="239" />
        <source>Find and replace…</source>
        <translation>查找/替换…</translation>
    </message>
    <message>
        <location filename="../find_dialog.py" line="241" />
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="117" />
        <source>Word count…</source>
        <translation>字数统计…</translation>
    </message>
</context>
<context>
    <name>MakeupDialog</name>
    <message>
        <location filename="../makeup_dialog.py" line="78" />
        <source>Automatic make-up</source>
        <translation>自动组版</translation>
    </message>
    <message>
        <location filename="../makeup_dialog.py" line="83" />
        <source>Stories to make up on this page (in priority order):</source>
        <translation>要排到本版的稿件（按重要性排序）：</translation>
    </message>
    <message>
        <location filename="../makeup_dialog.py" line="96" />
        <source>Alternatives:</source>
        <translation>方案数：</translation>
    </message>
    <message>
        <location filename="../makeup_dialog.py" line="102" />
        <source>Propose pages</source>
        <translation>生成方案</translation>
    </message>
    <message>
        <location filename="../makeup_dialog.py" line="124" />
        <source>Use this page</source>
        <translation>采用此方案</translation>
    </message>
    <message>
        <location filename="../makeup_dialog.py" line="129" />
        <source>No unplaced stories: import articles first.</source>
        <translation>没有未排的稿件：请先导入稿件。</translation>
    </message>
    <message>
        <location filename="../makeup_dialog.py" line="147" />
        <source>Tick at least one story.</source>
        <translation>请至少勾选一篇稿件。</translation>
    </message>
    <message>
        <location filename="../makeup_dialog.py" line="163" />
        <source>Cannot make up this page: %1</source>
        <translation>本版无法自动组版：%1</translation>
    </message>
    <message>
        <location filename="../makeup_dialog.py" line="171" />
        <source>Too much copy for the page: cut at least %1 chars in all (%2)</source>
        <translation>稿件太多，排不下：共需删去至少 %1 字（%2）</translation>
    </message>
    <message>
        <location filename="../makeup_dialog.py" line="174" />
        <source>No proposal: %1</source>
        <translation>没有可行方案：%1</translation>
    </message>
    <message>
        <location filename="../makeup_dialog.py" line="177" />
        <source>%1 proposals in %2 s; the best first.</source>
        <translation>%2 秒内得到 %1 个方案，最佳的排在前面。</translation>
    </message>
    <message>
        <location filename="../makeup_dialog.py" line="183" />
        <source>Proposal %1 · score %2</source>
        <translation>方案 %1 · 评分 %2</translation>
    </message>
</context>
<context>
    <name>MasterBanner</name>
    <message>
        <location filename="../master_view.py" line="253" />
        <source>Back to pages</source>
        <translation>返回版面</translation>
    </message>
    <message>
        <location filename="../master_view.py" line="260" />
        <source>Editing master %1 — changes show on the %2 page(s) using it</source>
        <translation>正在编辑版式 %1 —— 修改将显示在使用它的 %2 个版面上</translation>
    </message>
</context>
<context>
    <name>NewFromTemplateDialog</name>
    <message>
        <location filename="../template_dialog.py" line="59" />
        <source>New from template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <location filename="../template_dialog.py" line="61" />
        <source>Choose a template for the new page:</source>
        <translation>为新版面选择模板：</translation>
    </message>
    <message>
        <location filename="../template_dialog.py" line="84" />
        <source>(mine)</source>
        <translation>（我的）</translation>
    </message>
    <message>
        <location filename="../template_dialog.py" line="92" />
        <source>Blank page</source>
        <translation>空白版面</translation>
    </message>
</context>
<context>
    <name>PagesPanel</name>
    <message>
        <location filename="../pages_panel.py" line="47" />
        <source>Section</source>
        <translation>版名</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="48" />
        <source>Editor</source>
        <translation>责任编辑</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="51" />
        <source> (document)</source>
        <translation>（文档）</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="58" />
        <source>Master %1</source>
        <translation>版式 %1</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="59" />
        <source>No master</source>
        <translation>无版式</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="198" />
        <source>Masters</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="208" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="209" />
        <source>Edit the master in the canvas (or double-click it)</source>
        <translation>在版面窗口中编辑版式（或双击它）</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="210" />
        <source>Apply to selected pages</source>
        <translation>应用到所选版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="216" />
        <source>Pages</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="225" />
        <location filename="../pages_panel.py" line="396" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="226" />
        <location filename="../pages_panel.py" line="397" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="227" />
        <location filename="../pages_panel.py" line="398" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="229" />
        <location filename="../pages_panel.py" line="671" />
        <source>Move page up</source>
        <translation>版面前移</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="231" />
        <location filename="../pages_panel.py" line="673" />
        <source>Move page down</source>
        <translation>版面后移</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="357" />
        <location filename="../pages_panel.py" line="670" />
        <source>Delete page</source>
        <translation>删除版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="358" />
        <source>A document keeps at least one page.</source>
        <translation>文档至少要保留一个版面。</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="399" />
        <location filename="../pages_panel.py" line="688" />
        <source>Apply master</source>
        <translation>应用版式</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="440" />
        <location filename="../pages_panel.py" line="453" />
        <source>%1 page(s)</source>
        <translation>%1 个版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="660" />
        <source>&amp;Page</source>
        <translation>版面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="667" />
        <source>Add page…</source>
        <translation>添加版面…</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="668" />
        <source>Duplicate page</source>
        <translation>复制版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="683" />
        <location filename="../pages_panel.py" line="686" />
        <source>Edit master</source>
        <translation>编辑版式</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="683" />
        <source>The document has no master.</source>
        <translation>文档中没有版式。</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="687" />
        <source>Back to pages</source>
        <translation>返回版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="705" />
        <source>Document info…</source>
        <translation>报眉信息…</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="31" />
        <source>Page %1</source>
        <translation>第 %1 版</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <location filename="../panels.py" line="484" />
        <source>page %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../panels.py" line="496" />
        <source>%1 errors, %2 warnings</source>
        <translation>%1 个错误，%2 个警告</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <location filename="../panels.py" line="266" />
        <source>Width</source>
        <translation>宽</translation>
    </message>
    <message>
        <location filename="../panels.py" line="267" />
        <source>Height</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../panels.py" line="277" />
        <source>No wrap</source>
        <translation>不绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="278" />
        <source>Wrap around box</source>
        <translation>沿外框绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="280" />
        <location filename="../panels.py" line="281" />
        <source>Columns</source>
        <translation>栏数</translation>
    </message>
    <message>
        <location filename="../panels.py" line="282" />
        <source>Gutter</source>
        <translation>栏间距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="283" />
        <source>Inset</source>
        <translation>内边距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="284" />
        <source>Text wrap</source>
        <translation>文字绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="285" />
        <source>Wrap offset</source>
        <translation>绕排距离</translation>
    </message>
    <message>
        <location filename="../panels.py" line="290" />
        <source>Vertical text</source>
        <translation>竖排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="292" />
        <source>Direction</source>
        <translation>排版方向</translation>
    </message>
    <message>
        <location filename="../panels.py" line="302" />
        <source>Fit (whole image)</source>
        <translation>适合（整图）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="303" />
        <source>Fill (crop)</source>
        <translation>填满（裁切）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="304" />
        <source>None (scale, offset)</source>
        <translation>不适合（缩放、偏移）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="306" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../panels.py" line="307" />
        <source>Effective ppi</source>
        <translation>有效分辨率</translation>
    </message>
    <message>
        <location filename="../panels.py" line="308" />
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <location filename="../panels.py" line="309" />
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../panels.py" line="313" />
        <source>Balance columns</source>
        <translation>齐栏</translation>
    </message>
    <message>
        <location filename="../panels.py" line="314" />
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../panels.py" line="372" />
        <source>Text frame</source>
        <translation>文本框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="372" />
        <source>Image frame</source>
        <translation>图片框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="373" />
        <source>Rule</source>
        <translation>线条</translation>
    </message>
    <message>
        <location filename="../panels.py" line="373" />
        <source>Box</source>
        <translation>方框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="376" />
        <source>%1 frames selected</source>
        <translation>已选 %1 个框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="377" />
        <source>Nothing selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location filename="../panels.py" line="398" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="411" />
        <source>missing file</source>
        <translation>文件缺失</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../files.py" line="33" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../files.py" line="34" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../files.py" line="35" />
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../files.py" line="36" />
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <location filename="../files.py" line="37" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../files.py" line="30" />
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../files.py" line="31" />
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReplaceStyleDialog</name>
    <message>
        <location filename="../styles_panel.py" line="52" />
        <source>Delete paragraph style</source>
        <translation>删除段落样式</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="54" />
        <source>“%1” is used by %2 paragraphs. Replace it with:</source>
        <translation>“%1”用于 %2 个段落。删除后这些段落改用：</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="63" />
        <source>Delete and replace</source>
        <translation>删除并替换</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../labels.py" line="7" />
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../labels.py" line="8" />
        <source>Headline</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../labels.py" line="9" />
        <source>Subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../labels.py" line="10" />
        <source>Byline</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../labels.py" line="11" />
        <source>Lead</source>
        <translation>导语</translation>
    </message>
    <message>
        <location filename="../labels.py" line="12" />
        <source>Paragraph</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../labels.py" line="13" />
        <source>Subhead</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14" />
        <source>Note</source>
        <translation>小编说</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15" />
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16" />
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17" />
        <source>Credit</source>
        <translation>摄影署名</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19" />
        <source>Header</source>
        <translation>报眉</translation>
    </message>
</context>
<context>
    <name>Ruler</name>
    <message>
        <location filename="../canvas.py" line="1135" />
        <source>Drag onto the page to add a guide</source>
        <translation>拖到版面上即添加参考线</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../dialogs.py" line="168" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="171" />
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="171" />
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>SoftProofWindow</name>
    <message>
        <location filename="../softproof.py" line="23" />
        <source>Soft proof (press colours)</source>
        <translation>软打样（印刷色）</translation>
    </message>
    <message>
        <location filename="../softproof.py" line="30" />
        <source>Print condition</source>
        <translation>印刷条件</translation>
    </message>
    <message>
        <location filename="../softproof.py" line="32" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../softproof.py" line="58" />
        <source>Nothing to proof: the document has no pages.</source>
        <translation>没有可打样的内容：文档没有版面。</translation>
    </message>
    <message>
        <location filename="../softproof.py" line="75" />
        <source>As printed on %1 (paper white and dot gain of the profile)</source>
        <translation>按 %1 印刷的效果（特性文件的纸白与网点扩大）</translation>
    </message>
</context>
<context>
    <name>StoryEditor</name>
    <message>
        <location filename="../story_editor.py" line="322" />
        <source>Not placed</source>
        <translation>未上版</translation>
    </message>
    <message numerus="yes">
        <location filename="../story_editor.py" line="324" />
        <source>Overset: %n character(s)</source>
        <translation><numerusform>溢出 %n 字</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../story_editor.py" line="326" />
        <source>Short: %n character(s)</source>
        <translation><numerusform>欠 %n 字</numerusform></translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="328" />
        <source>Fits</source>
        <translation>正好</translation>
    </message>
</context>
<context>
    <name>StylesPanel</name>
    <message>
        <location filename="../styles_panel.py" line="86" />
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="87" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="88" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="98" />
        <source>Song (宋体)</source>
        <translation>宋体</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="98" />
        <source>Hei (黑体)</source>
        <translation>黑体</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="99" />
        <source>Hei Bold (粗黑)</source>
        <translation>粗黑</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="99" />
        <source>Kai (楷体)</source>
        <translation>楷体</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="103" />
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="104" />
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="105" />
        <source>Automatic leading: the size × the ratio, following the size</source>
        <translation>自动行距：字号 × 倍数，随字号变化</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="116" />
        <source> em</source>
        <translation> 字</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="118" />
        <source>Justify</source>
        <translation>两端对齐</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="118" />
        <source>Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="118" />
        <source>Center</source>
        <translation>居中</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="119" />
        <source>Right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="123" />
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="124" />
        <source>Size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="125" />
        <source>Leading</source>
        <translation>行距</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="128" />
        <source>First-line indent</source>
        <translation>首行缩进</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="129" />
        <source>Alignment</source>
        <translation>对齐</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="130" />
        <source>Space before</source>
        <translation>段前距</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="131" />
        <source>Space after</source>
        <translation>段后距</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="202" />
        <source>Leading %1 pt is smaller than the size %2 pt: the lines overprint.</source>
        <translation>行距 %1 pt 小于字号 %2 pt：行与行会叠压。</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="242" />
        <source>New paragraph style</source>
        <translation>新建段落样式</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="242" />
        <source>Label:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="243" />
        <source>New style</source>
        <translation>新样式</translation>
    </message>
</context>
<context>
    <name>WordCountDialog</name>
    <message>
        <location filename="../wordcount.py" line="56" />
        <source>Word count</source>
        <translation>字数统计</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="63" />
        <source>Selected text</source>
        <translation>选中文字</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="64" />
        <source>Current story</source>
        <translation>当前稿件</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="65" />
        <source>This page</source>
        <translation>本版</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="66" />
        <source>Characters (字数)</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="66" />
        <source>Chinese characters</source>
        <translation>汉字</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="67" />
        <source>Punctuation</source>
        <translation>标点符号</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="67" />
        <source>Latin words and numbers</source>
        <translation>外文单词和数字</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="68" />
        <source>Other characters</source>
        <translation>其他文字</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="68" />
        <source>Characters without spaces</source>
        <translation>字符数（不计空格）</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="69" />
        <source>Paragraphs</source>
        <translation>段落数</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="94" />
        <source>Each Chinese character and punctuation mark counts 1, each Latin word or number 1; spaces and line ends do not count.</source>
        <translation>每个汉字、每个标点符号各计 1 字，每个外文单词或数字计 1 字；空格和换行不计。</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="101" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../wordcount.py" line="109" />
        <source>Page: %1 characters</source>
        <translation>本版 %1 字</translation>
    </message>
</context>
<context>
    <name>c</name>
    <message>
        <location filename="../tools.py" line="180" />
        <source>Locked frames do not move: unlock them first (Arrange → Lock / unlock)</source>
        <translation>锁定的框不能移动：请先解锁（排列 → 锁定 / 解锁）</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../pages_panel.py" line="661" />
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
</context>
</TS>