<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../errors.py" line="80" />
        <source>Errors</source>
        <comment>Something went wrong</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="81" />
        <source>Errors</source>
        <comment>“%1” failed: %2</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="83" />
        <source>Errors</source>
        <comment>Your document is still open; save it under a new name if in doubt.</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="85" />
        <source>Errors</source>
        <comment>Details were written to %1</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AddPageDialog</name>
    <message>
        <location filename="../pages_panel.py" line="474" />
        <source>Add page</source>
        <translation>添加版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="476" />
        <source>Make the new page from a master of this document or a template:</source>
        <translation>用本文档的版式或模板新建版面：</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="496" />
        <source>Template: %1</source>
        <translation>模板：%1</translation>
    </message>
</context>
<context>
    <name>ArticlesPanel</name>
    <message>
        <location filename="../panels.py" line="78" />
        <source>Story</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../panels.py" line="78" />
        <source>Chars</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../panels.py" line="78" />
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <location filename="../panels.py" line="88" />
        <location filename="../panels.py" line="187" />
        <source>Place into selected frame</source>
        <translation>放入所选文本框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="108" />
        <source>unplaced</source>
        <translation>未上版</translation>
    </message>
    <message>
        <location filename="../panels.py" line="110" />
        <source>overset %1 chars</source>
        <translation>溢出 %1 字</translation>
    </message>
    <message>
        <location filename="../panels.py" line="112" />
        <source>short %1 chars</source>
        <translation>欠 %1 字</translation>
    </message>
    <message>
        <location filename="../panels.py" line="114" />
        <source>fits</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../panels.py" line="165" />
        <source>Pick a story here and select one empty text frame on the page, or drag the story onto one</source>
        <translation>在此选一篇稿件，并在版面上选中一个空文本框；也可把稿件拖到空文本框上</translation>
    </message>
    <message>
        <location filename="../panels.py" line="190" />
        <source>Open in story editor</source>
        <translation>在稿件编辑器中打开</translation>
    </message>
</context>
<context>
    <name>DocumentInfoDialog</name>
    <message>
        <location filename="../pages_panel.py" line="532" />
        <source>Document info</source>
        <translation>报眉信息</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="534" />
        <source>Paper name</source>
        <translation>报名</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="534" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="534" />
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="535" />
        <source>Section</source>
        <translation>版名</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="535" />
        <source>Editor</source>
        <translation>责任编辑</translation>
    </message>
</context>
<context>
    <name>ExportPdfDialog</name>
    <message>
        <location filename="../dialogs.py" line="22" />
        <location filename="../dialogs.py" line="119" />
        <location filename="../dialogs.py" line="136" />
        <location filename="../dialogs.py" line="155" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs.py" line="54" />
        <source>Print condition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs.py" line="57" />
        <source>the print condition's profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs.py" line="62" />
        <location filename="../dialogs.py" line="124" />
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
        <location filename="../dialogs.py" line="137" />
        <source>Preflight found errors. Fix them or tick “Export despite preflight errors”.</source>
        <translation>印前检查发现错误。请先修正，或勾选“忽略印前检查错误，仍然输出”。</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="155" />
        <source>Export failed:</source>
        <translation>输出失败：</translation>
    </message>
</context>
<context>
    <name>ImportArticleDialog</name>
    <message>
        <location filename="../import_dialog.py" line="80" />
        <location filename="../import_dialog.py" line="230" />
        <source>Import article</source>
        <translation>导入稿件</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="87" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="88" />
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="89" />
        <source>Blocks</source>
        <translation>段落数</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="92" />
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="95" />
        <source>Normalise punctuation</source>
        <translation>规范标点</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="96" />
        <source>ASCII punctuation between Chinese characters to full width, quotes paired, dashes and ellipses, stray spaces removed</source>
        <translation>汉字间的半角标点改为全角，引号配对，破折号和省略号规范，删除多余空格</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="104" />
        <source>Role</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="104" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="117" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="117" />
        <source>Before → after</source>
        <translation>原文 → 改为</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="118" />
        <source>Normalisation rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="124" />
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="137" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="138" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="152" />
        <source>full-width punctuation</source>
        <translation>全角标点</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="152" />
        <source>paired quotes</source>
        <translation>引号配对</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="153" />
        <source>dash ——</source>
        <translation>破折号 ——</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="153" />
        <source>ellipsis ……</source>
        <translation>省略号 ……</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="154" />
        <source>space removed</source>
        <translation>删除空格</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="154" />
        <source>space kept</source>
        <translation>保留空格</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="155" />
        <source>half-width digits and Latin</source>
        <translation>数字和字母改半角</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="174" />
        <source>Copied next to the layout; place them with Place image</source>
        <translation>已复制到版面文件旁；用“置入图片”放到版面上</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="190" />
        <source>(empty — to be written)</source>
        <translation>（空 —— 待编辑填写）</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="199" />
        <source>Normalisation: %1 changes</source>
        <translation>标点规范：%1 处修改</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="200" />
        <source>Normalisation: off</source>
        <translation>标点规范：关闭</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="203" />
        <source>line %1, col %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="205" />
        <source>a photo credit</source>
        <translation>摄影署名</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="205" />
        <source>a byline</source>
        <translation>作者行</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="206" />
        <source>a list of names</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="206" />
        <source>a 《》 title</source>
        <translation>书名号内</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="207" />
        <source>a reporters' byline</source>
        <translation>记者署名</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="208" />
        <source>kept the space in %1</source>
        <translation>保留空格：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="163" />
        <source>Recover unsaved changes?</source>
        <translation>恢复未保存的修改？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153" />
        <source>Banmian found changes to “%1” that were not saved (autosaved %2). Recover them?</source>
        <translation>发现“%1”有未保存的修改（自动保存于 %2）。要恢复吗？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="152" />
        <source>an untitled page</source>
        <extracomment>every open editor window (one per document); a window leaves the list when it closes</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="160" />
        <source>The page on disk was saved later, at %1 (autosave: %2). Recovering shows the autosaved version; Undo gives back the one on disk.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="210" />
        <source>Pages</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211" />
        <source>Articles</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212" />
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="213" />
        <source>Paragraph styles</source>
        <translation>段落样式</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214" />
        <source>Preflight</source>
        <translation>印前检查</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215" />
        <location filename="../main_window.py" line="365" />
        <source>Story editor</source>
        <translation>稿件编辑器</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="281" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="282" />
        <source>New from template…</source>
        <translation>从模板新建…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="283" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="284" />
        <source>Open recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="287" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="288" />
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="289" />
        <location filename="../main_window.py" line="746" />
        <source>Revert</source>
        <translation>恢复到已保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="291" />
        <source>Import article…</source>
        <translation>导入稿件…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="292" />
        <source>Place image…</source>
        <translation>置入图片…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="294" />
        <source>Export PDF…</source>
        <translation>输出 PDF…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="295" />
        <source>Export PNG proofs…</source>
        <translation>输出 PNG 校样…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="297" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="299" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="300" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="302" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="314" />
        <source>Select all on page</source>
        <translation>全选本版</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="315" />
        <source>Select article</source>
        <translation>选择整篇稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="316" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="317" />
        <source>Unlink frame</source>
        <translation>断开串接</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="319" />
        <source>Language: Chinese / English (restart)</source>
        <translation>界面语言：中文 / 英文（重启生效）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="321" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="323" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="324" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="325" />
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="326" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="327" />
        <source>Actual size (100%)</source>
        <translation>实际大小（100%）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="329" />
        <source>Guides</source>
        <translation>参考线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="332" />
        <source>Baseline grid</source>
        <translation>基线网格</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="334" />
        <source>Frame edges</source>
        <translation>框边线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="337" />
        <source>Snap to grid and frames</source>
        <translation>对齐网格和框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="340" />
        <source>Preview (as printed)</source>
        <translation>预览（印刷效果）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="342" />
        <source>Soft proof (press colours)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="345" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="348" />
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="349" />
        <source>Text frame</source>
        <translation>文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350" />
        <source>Image frame</source>
        <translation>图片框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="351" />
        <source>Rule</source>
        <translation>线条</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="352" />
        <source>Box</source>
        <translation>方框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="353" />
        <source>Link text frames</source>
        <translation>串接文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="354" />
        <source>Hand</source>
        <translation>抓手</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="355" />
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="357" />
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="364" />
        <source>T&amp;ype</source>
        <translation>文字(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="367" />
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="371" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="372" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="399" />
        <source>Move a frame 1 mm (Shift: 10 mm)</source>
        <translation>移动框 1 毫米（Shift：10 毫米）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="399" />
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="400" />
        <source>Pan while held</source>
        <translation>按住平移</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="400" />
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="401" />
        <source>Zoom around the pointer</source>
        <translation>以指针为中心缩放</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="401" />
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="402" />
        <source>Select the whole article</source>
        <translation>选择整篇稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="402" />
        <source>Alt+click</source>
        <translation>Alt+单击</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="403" />
        <source>Add to / remove from selection</source>
        <translation>加选 / 减选</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="403" />
        <source>Shift+click</source>
        <translation>Shift+单击</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="404" />
        <source>Constrain a move or keep proportions</source>
        <translation>限制方向 / 保持比例</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="404" />
        <source>Shift+drag</source>
        <translation>Shift+拖动</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="405" />
        <source>Open the frame's story at that character</source>
        <translation>在该字处打开框中稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="405" />
        <source>Double-click a text frame</source>
        <translation>双击文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="406" />
        <source>Move the picture inside its frame (crop)</source>
        <translation>在框内移动图片（裁切）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="407" />
        <source>Ctrl+drag, or double-click the image frame and drag (Esc leaves)</source>
        <translation>Ctrl+拖动，或双击图片框后拖动（Esc 退出）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="423" />
        <location filename="../main_window.py" line="698" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="424" />
        <source>Banmian</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="431" />
        <source>Layout error: %1</source>
        <translation>排版错误：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="433" />
        <source>layout %1 ms</source>
        <translation>排版 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="516" />
        <source>Place image</source>
        <translation>置入图片</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="517" />
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="563" />
        <source>Image outside the layout folder</source>
        <translation>图片不在版面文件夹内</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="564" />
        <source>The image is outside the layout's folder. Allow its folder (%1) as a link folder of this page?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="579" />
        <location filename="../main_window.py" line="588" />
        <source>Import article</source>
        <translation>导入稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="580" />
        <source>Articles (*.txt *.md *.docx)</source>
        <translation>稿件 (*.txt *.md *.docx)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="610" />
        <source>“%1” imported: drag it onto an empty text frame, or select one and choose Place into selected frame</source>
        <translation>已导入“%1”：把它拖到一个空文本框上，或选中空文本框后点“放入所选文本框”</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="629" />
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="629" />
        <source>Save the changes to this page first?</source>
        <translation>先保存对此版面的修改吗？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="646" />
        <location filename="../main_window.py" line="687" />
        <location filename="../main_window.py" line="753" />
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="672" />
        <source>Open page</source>
        <translation>打开版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="673" />
        <location filename="../main_window.py" line="699" />
        <source>Banmian pages (*.json)</source>
        <translation>版面文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="699" />
        <source>Save page as</source>
        <translation>版面另存为</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="715" />
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="724" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="732" />
        <source>The folder “%1” no longer exists; nothing was saved. Use Save As to save the page somewhere else.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="735" />
        <source>“%1” is read-only; it was not overwritten. Use Save As, or make the file writable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="738" />
        <source>“%1” could not be saved; the file on disk is unchanged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="740" />
        <source>“%1” could not be saved; nothing was written.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="747" />
        <source>Discard every change since the last save?</source>
        <translation>放弃上次保存以来的全部修改？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="799" />
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="800" />
        <source>saved to %1 instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="801" />
        <source>no fallback location could be written either; save the page now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="843" />
        <source>Export PNG proofs</source>
        <translation>输出 PNG 校样</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="853" />
        <source>%1 proofs written</source>
        <translation>已输出 %1 张校样</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="859" />
        <source>The language changes at the next start.</source>
        <translation>界面语言将在下次启动时更改。</translation>
    </message>
</context>
<context>
    <name>MasterBanner</name>
    <message>
        <location filename="../master_view.py" line="250" />
        <source>Back to pages</source>
        <translation>返回版面</translation>
    </message>
    <message>
        <location filename="../master_view.py" line="257" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../template_dialog.py" line="84" />
        <source>(mine)</source>
        <translation type="unfinished" />
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
        <location filename="../pages_panel.py" line="37" />
        <source>Master %1</source>
        <translation>版式 %1</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="38" />
        <source>No master</source>
        <translation>无版式</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="177" />
        <source>Masters</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="187" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="188" />
        <source>Edit the master in the canvas (or double-click it)</source>
        <translation>在版面窗口中编辑版式（或双击它）</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="189" />
        <source>Apply to selected pages</source>
        <translation>应用到所选版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="195" />
        <source>Pages</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="204" />
        <location filename="../pages_panel.py" line="368" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="205" />
        <location filename="../pages_panel.py" line="369" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="206" />
        <location filename="../pages_panel.py" line="370" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="208" />
        <location filename="../pages_panel.py" line="577" />
        <source>Move page up</source>
        <translation>版面前移</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="210" />
        <location filename="../pages_panel.py" line="579" />
        <source>Move page down</source>
        <translation>版面后移</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="329" />
        <location filename="../pages_panel.py" line="576" />
        <source>Delete page</source>
        <translation>删除版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="330" />
        <source>A document keeps at least one page.</source>
        <translation>文档至少要保留一个版面。</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="371" />
        <location filename="../pages_panel.py" line="594" />
        <source>Apply master</source>
        <translation>应用版式</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="412" />
        <location filename="../pages_panel.py" line="425" />
        <source>%1 page(s)</source>
        <translation>%1 个版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="566" />
        <source>&amp;Page</source>
        <translation>版面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="573" />
        <source>Add page…</source>
        <translation>添加版面…</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="574" />
        <source>Duplicate page</source>
        <translation>复制版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="589" />
        <location filename="../pages_panel.py" line="592" />
        <source>Edit master</source>
        <translation>编辑版式</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="589" />
        <source>The document has no master.</source>
        <translation>文档中没有版式。</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="593" />
        <source>Back to pages</source>
        <translation>返回版面</translation>
    </message>
    <message>
        <location filename="../pages_panel.py" line="611" />
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
        <location filename="../panels.py" line="524" />
        <source>page %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../panels.py" line="536" />
        <source>%1 errors, %2 warnings</source>
        <translation>%1 个错误，%2 个警告</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <location filename="../panels.py" line="228" />
        <source>Width</source>
        <translation>宽</translation>
    </message>
    <message>
        <location filename="../panels.py" line="229" />
        <source>Height</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../panels.py" line="239" />
        <source>No wrap</source>
        <translation>不绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="240" />
        <source>Wrap around box</source>
        <translation>沿外框绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="242" />
        <location filename="../panels.py" line="243" />
        <source>Columns</source>
        <translation>栏数</translation>
    </message>
    <message>
        <location filename="../panels.py" line="244" />
        <source>Gutter</source>
        <translation>栏间距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="245" />
        <source>Inset</source>
        <translation>内边距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="246" />
        <source>Text wrap</source>
        <translation>文字绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="247" />
        <source>Wrap offset</source>
        <translation>绕排距离</translation>
    </message>
    <message>
        <location filename="../panels.py" line="258" />
        <source>Fit (whole image)</source>
        <translation>适合（整图）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="259" />
        <source>Fill (crop)</source>
        <translation>填满（裁切）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="260" />
        <source>None (scale, offset)</source>
        <translation>不适合（缩放、偏移）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="262" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../panels.py" line="263" />
        <source>Effective ppi</source>
        <translation>有效分辨率</translation>
    </message>
    <message>
        <location filename="../panels.py" line="264" />
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <location filename="../panels.py" line="265" />
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../panels.py" line="296" />
        <source>Text frame</source>
        <translation>文本框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="296" />
        <source>Image frame</source>
        <translation>图片框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="297" />
        <source>Rule</source>
        <translation>线条</translation>
    </message>
    <message>
        <location filename="../panels.py" line="297" />
        <source>Box</source>
        <translation>方框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="300" />
        <source>%1 frames selected</source>
        <translation>已选 %1 个框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="301" />
        <source>Nothing selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location filename="../panels.py" line="319" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="332" />
        <source>missing file</source>
        <translation>文件缺失</translation>
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
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../dialogs.py" line="166" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="169" />
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="169" />
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>SoftProofWindow</name>
    <message>
        <location filename="../softproof.py" line="23" />
        <source>Soft proof (press colours)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../softproof.py" line="30" />
        <source>Print condition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../softproof.py" line="32" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../softproof.py" line="58" />
        <source>Nothing to proof: the document has no pages.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../softproof.py" line="75" />
        <source>As printed on %1 (paper white and dot gain of the profile)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StoryEditor</name>
    <message>
        <location filename="../story_editor.py" line="266" />
        <source>Not placed</source>
        <translation>未上版</translation>
    </message>
    <message numerus="yes">
        <location filename="../story_editor.py" line="268" />
        <source>Overset: %n character(s)</source>
        <translation><numerusform>溢出 %n 字</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../story_editor.py" line="270" />
        <source>Short: %n character(s)</source>
        <translation><numerusform>欠 %n 字</numerusform></translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="272" />
        <source>Fits</source>
        <translation>正好</translation>
    </message>
</context>
<context>
    <name>StylesPanel</name>
    <message>
        <location filename="../panels.py" line="397" />
        <source>Song (宋体)</source>
        <translation>宋体</translation>
    </message>
    <message>
        <location filename="../panels.py" line="397" />
        <source>Hei (黑体)</source>
        <translation>黑体</translation>
    </message>
    <message>
        <location filename="../panels.py" line="398" />
        <source>Hei Bold (粗黑)</source>
        <translation>粗黑</translation>
    </message>
    <message>
        <location filename="../panels.py" line="398" />
        <source>Kai (楷体)</source>
        <translation>楷体</translation>
    </message>
    <message>
        <location filename="../panels.py" line="402" />
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../panels.py" line="403" />
        <source> em</source>
        <translation> 字</translation>
    </message>
    <message>
        <location filename="../panels.py" line="405" />
        <source>Justify</source>
        <translation>两端对齐</translation>
    </message>
    <message>
        <location filename="../panels.py" line="405" />
        <source>Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <location filename="../panels.py" line="405" />
        <source>Center</source>
        <translation>居中</translation>
    </message>
    <message>
        <location filename="../panels.py" line="406" />
        <source>Right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <location filename="../panels.py" line="410" />
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../panels.py" line="411" />
        <source>Size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../panels.py" line="412" />
        <source>Leading</source>
        <translation>行距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="413" />
        <source>First-line indent</source>
        <translation>首行缩进</translation>
    </message>
    <message>
        <location filename="../panels.py" line="414" />
        <source>Alignment</source>
        <translation>对齐</translation>
    </message>
    <message>
        <location filename="../panels.py" line="415" />
        <source>Space before</source>
        <translation>段前距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="416" />
        <source>Space after</source>
        <translation>段后距</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../pages_panel.py" line="567" />
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
</context>
</TS>