#!/usr/bin/env python3
"""Writes DfineryComponentConfiguration.java from the component's descriptor (dfinery.json): one property per
component option, with its description as javadoc. Run it after an option changes; StarterMetadataTest fails until
then. Usage: camel-dfinery-starter/generate-configuration.py (from anywhere)."""
import json, os, re, textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
DESCRIPTOR = os.path.join(HERE, '..', 'camel-dfinery', 'src', 'generated', 'resources', 'META-INF', 'io', 'github',
                          'cameldfinery', 'component', 'dfinery.json')
TARGET = os.path.join(HERE, 'src', 'main', 'java', 'io', 'github', 'cameldfinery', 'springboot',
                      'DfineryComponentConfiguration.java')
UNITS = {'ms': 'Millis', 's': 'Seconds', 'm': 'Minutes', 'h': 'Hours'}


def duration(text):
    number, unit = re.fullmatch(r'(\d+)(ms|s|m|h)', text).groups()
    return 'Duration.of%s(%s)' % (UNITS[unit], number)


def java_type(option):
    kind, java = option['type'], option['javaType']
    if kind == 'duration':
        return 'Duration', duration(option['defaultValue']) if 'defaultValue' in option else None
    if kind == 'boolean':
        return 'Boolean', str(option['defaultValue']).lower() if 'defaultValue' in option else None
    if kind == 'integer':
        boxed = 'Long' if java in ('long', 'java.lang.Long') else 'Integer'
        default = option.get('defaultValue')
        return boxed, (str(default) + ('L' if boxed == 'Long' else '')) if default is not None else None
    if kind == 'number':
        return 'Double', str(option['defaultValue']) if 'defaultValue' in option else None
    if kind == 'enum':
        return java, (java + '.' + option['defaultValue']) if 'defaultValue' in option else None
    if kind == 'object':
        # A bean reference (#name) as Camel resolves it from the registry, which holds Spring's beans.
        return 'String', None
    return 'String', ('"' + option['defaultValue'] + '"') if 'defaultValue' in option else None


def main():
    with open(DESCRIPTOR) as f:
        options = json.load(f)['componentProperties']
    fields, accessors = [], []
    for name, option in options.items():
        if name == 'configuration':
            continue  # the component's nested defaults: every option in it is listed on its own
        kind, default = java_type(option)
        description = option['description']
        if option['type'] == 'object':
            description += ' A reference to a bean, #name.'
        doc = '\n'.join('     * ' + line for line in textwrap.wrap(description.replace('*/', '*&#47;'), 110, break_on_hyphens=False))
        declaration = '    private %s %s%s;' % (kind, name, ' = ' + default if default else '')
        if len(declaration) > 120:
            declaration = '    private %s %s\n            = %s;' % (kind, name, default)
        fields.append('    /**\n%s\n     */\n%s\n' % (doc, declaration))
        cap = name[0].upper() + name[1:]
        accessors.append('    public %s get%s() {\n        return %s;\n    }\n\n    public void set%s(%s %s) {\n'
                         '        this.%s = %s;\n    }\n' % (kind, cap, name, cap, kind, name, name, name))
        if len(max(accessors[-1].split('\n'), key=len)) > 135:
            raise SystemExit('an accessor of ' + name + ' is too long for the style rules')
    source = '''package io.github.cameldfinery.springboot;

import java.time.Duration;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dfinery component's options as Spring Boot properties, {@code camel.component.dfinery.*}. Generated from the
 * component's descriptor by generate-configuration.py; do not edit.
 */
@ConfigurationProperties(prefix = "camel.component.dfinery")
public class DfineryComponentConfiguration extends ComponentConfigurationPropertiesCommon {

%s
%s}
''' % ('\n'.join(fields), '\n'.join(accessors))
    with open(TARGET, 'w') as f:
        f.write(source)


main()
