// After the generated module's `mvn verify`: its UI bundle carries the built UI and its descriptor, and says so
// in its manifest, as the core's UI tracker reads it (Tessera-UI, Tessera-Module).
import java.util.jar.JarFile

// basedir is the test project's folder; the generated module is under project/<artifactId>
File ui = new File(basedir, 'project/com.example.crm.warranty/ui/target')
File[] jars = ui.listFiles({ File f -> f.name ==~ /.*\.ui-.*\.jar/ } as FileFilter)
assert jars != null && jars.length == 1 : "one UI bundle in ${ui}: ${jars}"
new JarFile(jars[0]).withCloseable { jar ->
    def manifest = jar.manifest.mainAttributes
    assert manifest.getValue('Tessera-UI') == '/ui'
    assert manifest.getValue('Tessera-Module') == 'warranty'
    assert manifest.getValue('Bundle-SymbolicName') == 'com.example.crm.warranty.ui'
    def descriptor = new groovy.json.JsonSlurper().parse(jar.getInputStream(jar.getEntry('ui/tessera-ui.json')))
    assert descriptor.module == 'warranty'
    assert descriptor.entry == 'warranty-ui.js'
    assert jar.getEntry('ui/' + descriptor.entry) != null : 'the entry the descriptor names is in the bundle'
    assert descriptor.routes*.path == ['warranty/repair-claims']
    assert descriptor.overviewSections*.key == ['repair-claims']
    assert descriptor.messages.en['menu.list'] == 'Repair claims'
    assert descriptor.messages.fr.keySet() == descriptor.messages.en.keySet()
    // Lit comes from the shell's import map, not from the module's bundle
    String entry = jar.getInputStream(jar.getEntry('ui/warranty-ui.js')).text
    assert entry.contains('from "lit"') || entry.contains("from 'lit'")
    assert !entry.contains('reactiveElementVersions') : 'Lit is not bundled'
}
return true
