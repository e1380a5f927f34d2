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
        <location filename="../panels.py" line="177" />
        <source>Story</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../panels.py" line="177" />
        <source>Chars</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../panels.py" line="177" />
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <location filename="../panels.py" line="187" />
        <location filename="../panels.py" line="286" />
        <source>Place into selected frame</source>
        <translation>放入所选文本框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="207" />
        <source>unplaced</source>
        <translation>未上版</translation>
    </message>
    <message>
        <location filename="../panels.py" line="209" />
        <source>overset %1 chars</source>
        <translation>溢出 %1 字</translation>
    </message>
    <message>
        <location filename="../panels.py" line="211" />
        <source>short %1 chars</source>
        <translation>欠 %1 字</translation>
    </message>
    <message>
        <location filename="../panels.py" line="213" />
        <source>fits</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../panels.py" line="264" />
        <source>Pick a story here and select one empty text frame on the page, or drag the story onto one</source>
        <translation>在此选一篇稿件，并在版面上选中一个空文本框；也可把稿件拖到空文本框上</translation>
    </message>
    <message>
        <location filename="../panels.py" line="289" />
        <source>Open in story editor</source>
        <translation>在稿件编辑器中打开</translation>
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
        <location filename="../main_window.py" line="363" />
        <source>Story editor</source>
        <translation>稿件编辑器</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="279" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="280" />
        <source>New from template…</source>
        <translation>从模板新建…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="281" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="282" />
        <source>Open recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="286" />
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="287" />
        <location filename="../main_window.py" line="749" />
        <source>Revert</source>
        <translation>恢复到已保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="289" />
        <source>Import article…</source>
        <translation>导入稿件…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="290" />
        <source>Place image…</source>
        <translation>置入图片…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="292" />
        <source>Export PDF…</source>
        <translation>输出 PDF…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="293" />
        <source>Export PNG proofs…</source>
        <translation>输出 PNG 校样…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="295" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="297" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="298" />
        <location filename="../main_window.py" line="397" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="300" />
        <location filename="../main_window.py" line="397" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="312" />
        <source>Select all on page</source>
        <translation>全选本版</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="313" />
        <location filename="../main_window.py" line="406" />
        <source>Select article</source>
        <translation>选择整篇稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="314" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="315" />
        <source>Unlink frame</source>
        <translation>断开串接</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="317" />
        <source>Language: Chinese / English (restart)</source>
        <translation>界面语言：中文 / 英文（重启生效）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="319" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="321" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="322" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="323" />
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="324" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="325" />
        <source>Actual size (100%)</source>
        <translation>实际大小（100%）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="327" />
        <source>Guides</source>
        <translation>参考线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="330" />
        <source>Baseline grid</source>
        <translation>基线网格</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="332" />
        <source>Frame edges</source>
        <translation>框边线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="335" />
        <source>Snap to grid and frames</source>
        <translation>对齐网格和框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="338" />
        <source>Preview (as printed)</source>
        <translation>预览（印刷效果）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="340" />
        <source>Soft proof (press colours)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="343" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="346" />
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="347" />
        <source>Text frame</source>
        <translation>文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="348" />
        <source>Image frame</source>
        <translation>图片框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="349" />
        <source>Rule</source>
        <translation>线条</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350" />
        <source>Box</source>
        <translation>方框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="351" />
        <source>Link text frames</source>
        <translation>串接文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="352" />
        <source>Hand</source>
        <translation>抓手</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="353" />
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="355" />
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="362" />
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
        <location filename="../main_window.py" line="403" />
        <source>Move a frame 1 mm (Shift: 10 mm)</source>
        <translation>移动框 1 毫米（Shift：10 毫米）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="403" />
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="404" />
        <source>Pan while held</source>
        <translation>按住平移</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="404" />
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="405" />
        <source>Zoom around the pointer</source>
        <translation>以指针为中心缩放</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="405" />
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="567" />
        <source>The image is outside the layout's folder. Allow its folder (%1) as a link folder of this page?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="406" />
        <source>Alt+click</source>
        <translation>Alt+单击</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="407" />
        <source>Add to / remove from selection</source>
        <translation>加选 / 减选</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="407" />
        <source>Shift+click</source>
        <translation>Shift+单击</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="408" />
        <source>Constrain a move or keep proportions</source>
        <translation>限制方向 / 保持比例</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="408" />
        <source>Shift+drag</source>
        <translation>Shift+拖动</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="409" />
        <source>Open the frame's story at that character</source>
        <translation>在该字处打开框中稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="409" />
        <source>Double-click a text frame</source>
        <translation>双击文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="410" />
        <source>Move the picture inside its frame (crop)</source>
        <translation>在框内移动图片（裁切）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="411" />
        <source>Ctrl+drag, or double-click the image frame and drag (Esc leaves)</source>
        <translation>Ctrl+拖动，或双击图片框后拖动（Esc 退出）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="412" />
        <source>Add a guide</source>
        <translation>添加参考线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="412" />
        <source>Drag from a ruler onto the page</source>
        <translation>从标尺拖到版面上</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="413" />
        <source>Move or remove a guide</source>
        <translation>移动或删除参考线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="413" />
        <source>Drag it (off the page removes it)</source>
        <translation>拖动（拖出版面即删除）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="427" />
        <location filename="../main_window.py" line="701" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="428" />
        <source>Banmian</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="435" />
        <source>Layout error: %1</source>
        <translation>排版错误：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="437" />
        <source>layout %1 ms</source>
        <translation>排版 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="519" />
        <source>Place image</source>
        <translation>置入图片</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="520" />
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="566" />
        <source>Image outside the layout folder</source>
        <translation>图片不在版面文件夹内</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="582" />
        <location filename="../main_window.py" line="591" />
        <source>Import article</source>
        <translation>导入稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="583" />
        <source>Articles (*.txt *.md *.docx)</source>
        <translation>稿件 (*.txt *.md *.docx)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="613" />
        <source>“%1” imported: drag it onto an empty text frame, or select one and choose Place into selected frame</source>
        <translation>已导入“%1”：把它拖到一个空文本框上，或选中空文本框后点“放入所选文本框”</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="632" />
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="632" />
        <source>Save the changes to this page first?</source>
        <translation>先保存对此版面的修改吗？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="649" />
        <location filename="../main_window.py" line="690" />
        <location filename="../main_window.py" line="756" />
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="675" />
        <source>Open page</source>
        <translation>打开版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="676" />
        <location filename="../main_window.py" line="702" />
        <source>Banmian pages (*.json)</source>
        <translation>版面文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="702" />
        <source>Save page as</source>
        <translation>版面另存为</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="718" />
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="727" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="735" />
        <source>The folder “%1” no longer exists; nothing was saved. Use Save As to save the page somewhere else.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="738" />
        <source>“%1” is read-only; it was not overwritten. Use Save As, or make the file writable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="741" />
        <source>“%1” could not be saved; the file on disk is unchanged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="743" />
        <source>“%1” could not be saved; nothing was written.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="750" />
        <source>Discard every change since the last save?</source>
        <translation>放弃上次保存以来的全部修改？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="802" />
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="803" />
        <source>saved to %1 instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="804" />
        <source>no fallback location could be written either; save the page now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="846" />
        <source>Export PNG proofs</source>
        <translation>输出 PNG 校样</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="856" />
        <source>%1 proofs written</source>
        <translation>已输出 %1 张校样</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="862" />
        <source>The language changes at the next start.</source>
        <translation>界面语言将在下次启动时更改。</translation>
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
        <location filename="../panels.py" line="48" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../panels.py" line="49" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../panels.py" line="50" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../panels.py" line="105" />
        <source>Page %1</source>
        <translation>第 %1 版</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <location filename="../panels.py" line="510" />
        <source>page %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../panels.py" line="522" />
        <source>%1 errors, %2 warnings</source>
        <translation>%1 个错误，%2 个警告</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <location filename="../panels.py" line="327" />
        <source>Width</source>
        <translation>宽</translation>
    </message>
    <message>
        <location filename="../panels.py" line="328" />
        <source>Height</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../panels.py" line="338" />
        <source>No wrap</source>
        <translation>不绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="339" />
        <source>Wrap around box</source>
        <translation>沿外框绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="341" />
        <location filename="../panels.py" line="342" />
        <source>Columns</source>
        <translation>栏数</translation>
    </message>
    <message>
        <location filename="../panels.py" line="343" />
        <source>Gutter</source>
        <translation>栏间距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="344" />
        <source>Inset</source>
        <translation>内边距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="345" />
        <source>Text wrap</source>
        <translation>文字绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="346" />
        <source>Wrap offset</source>
        <translation>绕排距离</translation>
    </message>
    <message>
        <location filename="../panels.py" line="357" />
        <source>Fit (whole image)</source>
        <translation>适合（整图）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="358" />
        <source>Fill (crop)</source>
        <translation>填满（裁切）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="359" />
        <source>None (scale, offset)</source>
        <translation>不适合（缩放、偏移）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="361" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../panels.py" line="362" />
        <source>Effective ppi</source>
        <translation>有效分辨率</translation>
    </message>
    <message>
        <location filename="../panels.py" line="363" />
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <location filename="../panels.py" line="364" />
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../panels.py" line="368" />
        <source>Balance columns</source>
        <translation>齐栏</translation>
    </message>
    <message>
        <location filename="../panels.py" line="369" />
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../panels.py" line="402" />
        <source>Text frame</source>
        <translation>文本框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="402" />
        <source>Image frame</source>
        <translation>图片框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="403" />
        <source>Rule</source>
        <translation>线条</translation>
    </message>
    <message>
        <location filename="../panels.py" line="403" />
        <source>Box</source>
        <translation>方框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="406" />
        <source>%1 frames selected</source>
        <translation>已选 %1 个框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="407" />
        <source>Nothing selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location filename="../panels.py" line="427" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="440" />
        <source>missing file</source>
        <translation>文件缺失</translation>
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
        <location filename="../canvas.py" line="874" />
        <source>Drag onto the page to add a guide</source>
        <translation>拖到版面上即添加参考线</translation>
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
        <location filename="../story_editor.py" line="267" />
        <source>Not placed</source>
        <translation>未上版</translation>
    </message>
    <message numerus="yes">
        <location filename="../story_editor.py" line="269" />
        <source>Overset: %n character(s)</source>
        <translation><numerusform>溢出 %n 字</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../story_editor.py" line="271" />
        <source>Short: %n character(s)</source>
        <translation><numerusform>欠 %n 字</numerusform></translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="273" />
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
        <location filename="../styles_panel.py" line="201" />
        <source>Leading %1 pt is smaller than the size %2 pt: the lines overprint.</source>
        <translation>行距 %1 pt 小于字号 %2 pt：行与行会叠压。</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="241" />
        <source>New paragraph style</source>
        <translation>新建段落样式</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="241" />
        <source>Label:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../styles_panel.py" line="242" />
        <source>New style</source>
        <translation>新样式</translation>
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
</TS>